import { ExternalLink } from 'lucide-react';
import type { BlockOf } from '../../shared/workflow/schema.ts';
import { useEditor } from '../editor/editor-store.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { useUi } from '../shell/ui-store.ts';
import { optional, patchBlock } from './block-edit.ts';
import { AreaField } from './fields.tsx';
import { fieldProblems, type ProblemRow } from './problems-store.ts';
import { RuleList } from './RuleList.tsx';

function openFunction(name: string): void {
  useUi.getState().setView('functions');
  void useEditor.getState().open(name);
}

/** The function a Lambda block invokes, what it sends, and how its result or error is shaped. */
export function LambdaSettings({ block, problems, readOnly }: { block: BlockOf<'lambda'>; problems: readonly ProblemRow[] | undefined; readOnly: boolean }) {
  const functions = useWorkspace((s) => s.functions);
  const known = functions.some((f) => f.name === block.function);
  const patch = (p: Partial<BlockOf<'lambda'>>) => patchBlock(block.id, 'lambda', (b) => ({ ...b, ...p }));
  const functionProblems = fieldProblems(problems, 'function');
  return (
    <>
      <label className="field">
        <span className="field__label">Function</span>
        <span className="wf-function-row">
          <select className={`input${functionProblems.length > 0 ? ' is-invalid' : ''}`} value={block.function} disabled={readOnly} onChange={(e) => patch({ function: e.target.value })} data-testid="inspector-function">
            <option value="">Pick a function…</option>
            {functions.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
                {f.durable ? ' (durable)' : ''}
              </option>
            ))}
            {!known && block.function !== '' && <option value={block.function}>{block.function} (not in the workspace)</option>}
          </select>
          {known && (
            <button className="icon-button" onClick={() => openFunction(block.function)} aria-label={`Open ${block.function} in the editor`} title="Open in the editor" data-testid="inspector-open-function">
              <ExternalLink size={13} />
            </button>
          )}
        </span>
        {functionProblems.length > 0 ? <span className="field__hint is-error">{functionProblems.join(' ')}</span> : <span className="field__hint">It receives {'{"data": …}'}; its result becomes this block’s output.</span>}
      </label>
      <AreaField
        label="Input (CEL)"
        value={block.input ?? ''}
        placeholder="data (sent as it is)"
        readOnly={readOnly}
        problems={fieldProblems(problems, 'input')}
        hint="What becomes event.data; reads data, blocks, input."
        onCommit={(v) => patch({ input: optional(v) })}
        testId="inspector-lambda-input"
      />
      <RuleList kind="returns" rules={block.returns} problems={problems} readOnly={readOnly} onChange={(returns) => patch({ returns: returns.map(({ when, body }) => (when === undefined ? { body } : { when, body })) })} />
      <RuleList kind="catches" rules={block.catches} problems={problems} readOnly={readOnly} onChange={(catches) => patch({ catches })} />
    </>
  );
}
