import { Rocket } from 'lucide-react';
import { useState } from 'react';
import { workflowDeployFunctions } from '../deploy/workflow-deploy-model.ts';
import { WorkflowDeployDialog } from '../deploy/WorkflowDeployDialog.tsx';
import { Tip } from '../shell/Tip.tsx';
import { TargetChip } from '../targets/TargetChip.tsx';
import { useCurrentTarget } from '../targets/useCurrentTarget.ts';
import { saveNow } from './autosave.ts';
import { useGraph } from './graph-store.ts';

/** On an AWS target: which one the page runs on, and Deploy to put the workflow there. Nothing locally. */
export function WorkflowTargetActions({ name, disabled }: { name: string; disabled: boolean }) {
  const target = useCurrentTarget();
  const graph = useGraph((s) => s.graph);
  const [open, setOpen] = useState(false);
  if (target.kind !== 'aws') return null;
  return (
    <>
      <TargetChip compact />
      <Tip label={`Deploy ${name}, its functions and the runner to ${target.name} (${target.region})`}>
        <button className="button button--small" disabled={disabled || graph === null} onClick={() => setOpen(true)} data-testid="workflow-deploy">
          <Rocket size={12} /> Deploy
        </button>
      </Tip>
      {open && graph !== null && <WorkflowDeployDialog workflow={name} functions={workflowDeployFunctions(graph)} target={target} beforeDeploy={saveNow} onClose={() => setOpen(false)} />}
    </>
  );
}
