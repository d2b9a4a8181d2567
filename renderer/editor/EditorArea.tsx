import { Container, FileCode2, FileJson, PanelRight, Plus, Save, SquareFunction, Timer, TriangleAlert } from 'lucide-react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { DeployButton } from '../deploy/DeployButton.tsx';
import { DeployedBadge } from '../deploy/DeployedBadge.tsx';
import { SamExportButton } from '../deploy/SamExportButton.tsx';
import { ConfigPane } from '../functions/ConfigPane.tsx';
import { useWorkspace } from '../functions/workspace-store.ts';
import { FunctionViewSwitch } from '../invocations/FunctionViewSwitch.tsx';
import { useInvocations } from '../invocations/invocations-store.ts';
import { InvocationsView } from '../invocations/InvocationsView.tsx';
import { InvokePanel } from '../invoke/InvokePanel.tsx';
import { QueueView } from '../queues/QueueView.tsx';
import { EmptyState } from '../shell/EmptyState.tsx';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { Tip } from '../shell/Tip.tsx';
import { useUi } from '../shell/ui-store.ts';
import { CodeEditor } from './CodeEditor.tsx';
import { CONFIG_FILE, useEditor } from './editor-store.ts';
import { modelUri } from './models.ts';
import { INVOKE_DEFAULT_WIDTH, useInvokeWidth } from './useInvokeWidth.ts';

function Tabs() {
  const { files, active, dirty, formDirty, setActive } = useEditor();
  return (
    <div className="tabs" role="tablist" aria-label="Files">
      {files.map((file) => {
        const isDirty = dirty[file] === true || (file === CONFIG_FILE && formDirty);
        return (
          <button
            key={file}
            role="tab"
            aria-selected={file === active}
            className={`tab${file === active ? ' is-active' : ''}`}
            onClick={() => setActive(file)}
            data-testid={`tab-${file}`}
            data-dirty={isDirty}
          >
            {file.endsWith('.json') ? <FileJson size={13} aria-hidden /> : <FileCode2 size={13} aria-hidden />}
            <span>{file}</span>
            {isDirty && <span className="tab__dirty" aria-label="unsaved changes" title="Unsaved changes" />}
          </button>
        );
      })}
    </div>
  );
}

function ChangedOnDisk({ file }: { file: string }) {
  const reload = useEditor((s) => s.reloadFromDisk);
  return (
    <div className="banner banner--warning" data-testid="changed-on-disk">
      <TriangleAlert size={14} aria-hidden />
      <span>
        <b>{file}</b> changed on disk while you had unsaved edits. Your edits are kept; saving will overwrite the file.
      </span>
      <span className="spacer" />
      <button className="button button--small" onClick={() => void reload(file)} data-testid="reload-from-disk">
        Discard mine and reload
      </button>
    </div>
  );
}

function NoFunction() {
  const count = useWorkspace((s) => s.functions.length);
  const newFunction = useUi((s) => s.setNewFunctionOpen);
  return (
    <div className="page page--center">
      <EmptyState
        icon={<SquareFunction size={32} />}
        title={count === 0 ? 'Create your first function' : 'Open a function'}
        testId="editor-empty"
        action={
          <button className="button button--primary" onClick={() => newFunction(true)}>
            <Plus size={14} /> New function <kbd className="kbd kbd--on-primary">{shortcutLabel('newFunction')}</kbd>
          </button>
        }
      >
        {count === 0
          ? 'Start from a template: a plain handler, or a durable function that checkpoints its steps.'
          : 'Pick one in the list on the left to edit its code and settings, or start a new one.'}
        <br />
        <span className="muted">
          Command palette <kbd className="kbd">{shortcutLabel('palette')}</kbd> · Panel <kbd className="kbd">{shortcutLabel('togglePanel')}</kbd>
        </span>
      </EmptyState>
    </div>
  );
}

/** The open function: its header, a tab per file, and the editor or the function.json form. */
export function EditorArea() {
  const { fn, detail, active, configView, changedOnDisk, dirty, formDirty, save } = useEditor();
  const invokeOpen = useUi((s) => s.invokeOpen);
  const toggleInvoke = useUi((s) => s.toggleInvoke);
  const view = useInvocations((s) => s.view);
  const layout = useDefaultLayout({ id: 'lambda-studio.editor-invoke', storage: localStorage });
  const invokeWidth = useInvokeWidth(invokeOpen);
  if (fn === null || detail === null) return <NoFunction />;
  const showForm = active === CONFIG_FILE && configView === 'form';
  const activeDirty = active !== null && (dirty[active] === true || (active === CONFIG_FILE && formDirty));
  return (
    <div className="editor-area" data-testid="editor-area" data-function={fn} data-view={view}>
      <header className="editor-header">
        <SquareFunction size={15} aria-hidden />
        <span className="editor-header__name" data-testid="editor-function-name">
          {fn}
        </span>
        {detail.config !== null && <span className="mono muted editor-header__runtime">{detail.config.runtime}</span>}
        {detail.config?.runner === 'docker' && (
          <span className="badge" title="Runs in a local container (function.json: runner)" data-testid="badge-docker">
            <Container size={11} aria-hidden /> docker
          </span>
        )}
        {detail.config?.durable?.enabled === true && (
          <span className="badge badge--durable">
            <Timer size={11} aria-hidden /> durable
          </span>
        )}
        <DeployedBadge fn={fn} />
        <span className="spacer" />
        <FunctionViewSwitch fn={fn} />
        <SamExportButton fn={fn} />
        <DeployButton fn={fn} />
        <Tip label="Save" shortcut={shortcutLabel('save')}>
          <button className="button button--small" onClick={() => void save()} disabled={!activeDirty} data-testid="save">
            <Save size={13} /> Save
          </button>
        </Tip>
        <Tip label={invokeOpen ? 'Hide the Invoke panel' : 'Show the Invoke panel'}>
          <button className={`icon-button${invokeOpen ? ' is-active' : ''}`} aria-label="Toggle the Invoke panel" aria-pressed={invokeOpen} onClick={toggleInvoke} data-testid="toggle-invoke">
            <PanelRight size={14} />
          </button>
        </Tip>
      </header>
      <Group
        orientation="horizontal"
        className="editor-split"
        elementRef={invokeWidth.splitRef}
        defaultLayout={layout.defaultLayout}
        onLayoutChanged={(next, meta) => {
          layout.onLayoutChanged(next, meta);
          invokeWidth.onLayoutChanged(next, meta);
        }}
      >
        <Panel id="code" minSize="30%" className="editor-split__code">
          <Tabs />
          {active !== null && changedOnDisk[active] === true && <ChangedOnDisk file={active} />}
          <div className="editor-body">
            {active === CONFIG_FILE && <ConfigPane />}
            <CodeEditor uri={active === null ? null : modelUri(fn, active)} hidden={showForm} />
          </div>
        </Panel>
        {invokeOpen && (
          <>
            <Separator className="separator separator--vertical" />
            <Panel id="invoke" panelRef={invokeWidth.panelRef} defaultSize={INVOKE_DEFAULT_WIDTH} minSize={280} maxSize="60%" groupResizeBehavior="preserve-pixel-size">
              <InvokePanel fn={fn} />
            </Panel>
          </>
        )}
      </Group>
      {view === 'invocations' && <InvocationsView fn={fn} />}
      {view === 'queue' && <QueueView fn={fn} />}
    </div>
  );
}
