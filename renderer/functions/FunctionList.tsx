import * as Menu from '@radix-ui/react-dropdown-menu';
import { Ellipsis, Plus, RefreshCw, SquareFunction, Timer, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { FunctionSummary } from '../../shared/contract/functions.ts';
import { useEditor } from '../editor/editor-store.ts';
import { useHasUnsaved } from '../editor/unsaved-store.ts';
import { EmptyState } from '../shell/EmptyState.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { Tip } from '../shell/Tip.tsx';
import { useUi } from '../shell/ui-store.ts';
import { DeleteDialog, RenameDialog } from './FunctionDialogs.tsx';
import { useWorkspace } from './workspace-store.ts';
import { moveRowFocus } from '../shell/list-focus.ts';

type Pending = { kind: 'rename' | 'delete'; name: string } | null;

function Row({ fn, selected, onAction }: { fn: FunctionSummary; selected: boolean; onAction: (pending: Pending) => void }) {
  const open = useEditor((s) => s.open);
  const unsaved = useHasUnsaved(fn.name);
  return (
    <li className={`fn-row${selected ? ' is-selected' : ''}`} data-testid="function-row" data-name={fn.name}>
      <button className="fn-row__main" onClick={() => void open(fn.name)} aria-current={selected ? 'true' : undefined} data-testid={`function-open-${fn.name}`}>
        <SquareFunction size={15} className="fn-row__icon" aria-hidden />
        <span className="fn-row__text">
          <span className="fn-row__name">
            {fn.name}
            {unsaved && <span className="fn-row__unsaved" title="Unsaved changes" aria-label="unsaved changes" data-testid="function-unsaved" />}
          </span>
          <span className="fn-row__meta">
            <span className="mono">{fn.runtime ?? 'no runtime'}</span>
            {fn.durable && (
              <span className="badge badge--durable" data-testid="function-durable-badge">
                <Timer size={11} aria-hidden /> durable
              </span>
            )}
            {fn.configError !== undefined && (
              <Tip label={fn.configError}>
                <span className="badge badge--warning" data-testid="function-config-warning">
                  <TriangleAlert size={11} aria-hidden /> invalid config
                </span>
              </Tip>
            )}
          </span>
        </span>
      </button>
      <Menu.Root>
        <Menu.Trigger asChild>
          <button className="icon-button fn-row__menu" aria-label={`Actions for ${fn.name}`} data-testid={`function-menu-${fn.name}`}>
            <Ellipsis size={14} />
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item className="menu__item" onSelect={() => onAction({ kind: 'rename', name: fn.name })} data-testid="function-rename">
              Rename…
            </Menu.Item>
            <Menu.Item className="menu__item menu__item--danger" onSelect={() => onAction({ kind: 'delete', name: fn.name })} data-testid="function-delete">
              Delete…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </li>
  );
}


/** The side list of the workspace's functions, kept fresh by workspace events. */
export function FunctionList() {
  const { functions, loaded, loadError, refresh } = useWorkspace();
  const selected = useEditor((s) => s.fn);
  const newFunction = useUi((s) => s.setNewFunctionOpen);
  const [pending, setPending] = useState<Pending>(null);
  return (
    <div className="side-list" data-testid="function-list">
      <div className="side-list__header">
        <span className="section-title">Functions</span>
        <span className="spacer" />
        <Tip label="Refresh">
          <button className="icon-button" aria-label="Refresh" onClick={() => void refresh()}>
            <RefreshCw size={14} />
          </button>
        </Tip>
        <Tip label="New function" shortcut={shortcutLabel('newFunction')}>
          <button className="icon-button" aria-label="New function" onClick={() => newFunction(true)} data-testid="new-function">
            <Plus size={16} />
          </button>
        </Tip>
      </div>
      {loadError !== null && <ErrorMessage failure={loadError} />}
      {loaded && functions.length === 0 && loadError === null && (
        <EmptyState
          icon={<SquareFunction size={28} />}
          title="No functions yet"
          testId="functions-empty"
          action={
            <button className="button button--primary" onClick={() => newFunction(true)} data-testid="functions-empty-create">
              <Plus size={14} /> New function
            </button>
          }
        >
          A function is a folder with a handler and its function.json. Start from a template.
        </EmptyState>
      )}
      <ul className="list" aria-label="Functions" onKeyDown={moveRowFocus}>
        {functions.map((fn) => (
          <Row key={fn.name} fn={fn} selected={fn.name === selected} onAction={setPending} />
        ))}
      </ul>
      {pending?.kind === 'rename' && <RenameDialog name={pending.name} onClose={() => setPending(null)} />}
      {pending?.kind === 'delete' && <DeleteDialog name={pending.name} onClose={() => setPending(null)} />}
    </div>
  );
}
