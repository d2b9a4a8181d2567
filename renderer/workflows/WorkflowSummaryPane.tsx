import { CircleCheck } from 'lucide-react';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { AreaField } from './fields.tsx';
import { useGraph } from './graph-store.ts';
import { useWorkflowProblems } from './problems-store.ts';

const mod = shortcutLabel('save').replace(/S$/, '');

/** With no single block selected: the workflow's description, its health, and how to work the canvas. */
export function WorkflowSummaryPane({ selectedCount, readOnly }: { selectedCount: number; readOnly: boolean }) {
  const name = useGraph((s) => s.name);
  const description = useGraph((s) => s.graph?.description ?? '');
  const count = useGraph((s) => s.graph?.blocks.length ?? 0);
  const problems = useWorkflowProblems((s) => s.rows.length);
  return (
    <div data-testid="inspector-workflow">
      <h3 className="inspector__title mono">{name}</h3>
      <div className="inspector__sub">
        {count} {count === 1 ? 'block' : 'blocks'}
        {selectedCount > 1 ? ` · ${selectedCount} selected` : ''}
      </div>
      {problems === 0 ? (
        <p className="wf-ok">
          <CircleCheck size={13} className="tone-success" aria-hidden /> Ready to run.
        </p>
      ) : (
        <p className="wf-not-ok">
          {problems} {problems === 1 ? 'problem' : 'problems'} to fix before it can run; see Problems below.
        </p>
      )}
      <AreaField
        label="Description"
        value={description}
        readOnly={readOnly}
        placeholder="What this workflow is for"
        rows={3}
        onCommit={(v) => useGraph.getState().edit((g) => ({ ...g, description: v.trim() === '' ? undefined : v }))}
        testId="inspector-description"
      />
      <div className="inspector__section-title">On the canvas</div>
      <ul className="wf-help">
        <li>Drag a block from the left; drop it into a Map or Parallel to put it inside.</li>
        <li>Drag from the port under a block to the one on top of another to connect them.</li>
        <li>Shift-drag to select several; {mod}C, {mod}V copy and paste, Delete removes.</li>
        <li>
          {mod}Z undoes, Shift+{mod}Z redoes; edits save by themselves ({shortcutLabel('save')} saves now).
        </li>
      </ul>
    </div>
  );
}
