import { Plus, Trash2 } from 'lucide-react';
import { type BlockOf, DEFAULT_BRANCH } from '../../shared/workflow/schema.ts';
import { patchBlock } from './block-edit.ts';
import { TextField } from './fields.tsx';
import { uniqueId } from './graph-ops.ts';
import { useGraph } from './graph-store.ts';
import { fieldProblems, type ProblemRow } from './problems-store.ts';

type Condition = BlockOf<'condition'>;

/** Renames a branch and moves the edges that leave from its handle with it. */
function renameBranch(block: Condition, index: number, to: string): void {
  const from = block.branches[index]?.id;
  if (from === undefined || from === to) return;
  useGraph.getState().edit((graph) => ({
    ...graph,
    blocks: graph.blocks.map((b) => (b.id === block.id && b.type === 'condition' ? { ...b, branches: b.branches.map((br, i) => (i === index ? { ...br, id: to } : br)) } : b)),
    edges: graph.edges.map((e) => (e.source === block.id && e.sourceHandle === from ? { ...e, sourceHandle: to } : e)),
  }));
}

function removeBranch(block: Condition, index: number): void {
  const gone = block.branches[index]?.id;
  useGraph.getState().edit((graph) => ({
    ...graph,
    blocks: graph.blocks.map((b) => (b.id === block.id && b.type === 'condition' ? { ...b, branches: b.branches.filter((_, i) => i !== index) } : b)),
    edges: graph.edges.filter((e) => !(e.source === block.id && e.sourceHandle === gone)),
  }));
}

/** A Condition's branches in order: the first whose `when` holds is taken, else `default`. */
export function BranchList({ block, problems, readOnly }: { block: Condition; problems: readonly ProblemRow[] | undefined; readOnly: boolean }) {
  const add = () => {
    const id = uniqueId('branch', new Set([...block.branches.map((b) => b.id), DEFAULT_BRANCH]));
    patchBlock(block.id, 'condition', (b) => ({ ...b, branches: [...b.branches, { id, when: 'true' }] }));
  };
  return (
    <section className="wf-rules" data-testid="branches">
      <div className="inspector__section-title">Branches</div>
      {block.branches.map((branch, i) => (
        <div key={i} className="wf-rule" data-testid={`branch-${i}`}>
          <div className="wf-rule__head">
            <span className="wf-rule__index">{i + 1}</span>
            <span className="spacer" />
            {!readOnly && (
              <button className="icon-button icon-button--small" onClick={() => removeBranch(block, i)} aria-label={`Remove branch ${branch.id}`} data-testid={`branch-${i}-remove`}>
                <Trash2 size={12} />
              </button>
            )}
          </div>
          <TextField label="Branch" value={branch.id} mono readOnly={readOnly} problems={fieldProblems(problems, `branches[${i}].id`)} hint="The name of its port; edges leave from it." onCommit={(v) => renameBranch(block, i, v.trim())} testId={`branch-${i}-id`} />
          <TextField label="When (CEL)" value={branch.when} mono readOnly={readOnly} problems={fieldProblems(problems, `branches[${i}].when`)} onCommit={(v) => patchBlock(block.id, 'condition', (b) => ({ ...b, branches: b.branches.map((br, at) => (at === i ? { ...br, when: v } : br)) }))} testId={`branch-${i}-when`} />
        </div>
      ))}
      <p className="wf-rules__empty">
        Otherwise <span className="mono">{DEFAULT_BRANCH}</span>
        {fieldProblems(problems, 'default').length > 0 && <span className="is-error"> — {fieldProblems(problems, 'default').join(' ')}</span>}
      </p>
      {!readOnly && (
        <button className="button button--small" onClick={add} data-testid="branch-add">
          <Plus size={12} /> Add a branch
        </button>
      )}
    </section>
  );
}
