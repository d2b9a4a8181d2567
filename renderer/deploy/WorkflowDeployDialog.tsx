import * as Dialog from '@radix-ui/react-dialog';
import { Rocket } from 'lucide-react';
import { useState } from 'react';
import type { Target } from '../../shared/contract/targets.ts';
import { defaultRoleChoice, roleOf, type RoleChoice } from './deploy-model.ts';
import { RolePicker } from './RolePicker.tsx';
import { functionLabel } from './workflow-deploy-model.ts';
import { useWorkflowDeploy } from './workflow-deploy-store.ts';
import { WorkflowDeploySteps } from './WorkflowDeploySteps.tsx';
import './deploy.css';
import { DialogButtons } from '../shell/DialogButtons.tsx';

interface Props {
  workflow: string;
  /** What the deploy sends: the functions its Lambda blocks call, then the runner. */
  functions: readonly string[];
  target: Target;
  /** Saves the workflow first, so what is deployed is what is drawn. */
  beforeDeploy(): Promise<void>;
  onClose(): void;
}

/** Deploys a workflow to the chosen AWS target: pick the role, then watch each function's steps. */
export function WorkflowDeployDialog({ workflow, functions, target, beforeDeploy, onClose }: Props) {
  const run = useWorkflowDeploy((s) => s.runs[workflow]);
  const thisRun = run !== undefined && run.target === target.id ? run : undefined;
  // Deployed from here before: the runner and its functions have a role to keep.
  const deployed = thisRun?.result != null;
  const [choice, setChoice] = useState<RoleChoice | null>(null);
  const [tried, setTried] = useState(false);
  const shown = choice ?? defaultRoleChoice(deployed);
  const check = roleOf(shown);
  const showingSteps = thisRun !== undefined && (thisRun.running || tried);

  const deploy = async () => {
    setTried(true);
    if (!check.ok) return;
    await beforeDeploy();
    await useWorkflowDeploy.getState().deploy(workflow, target.id, functions, check.role);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog deploy-dialog" data-testid="workflow-deploy-dialog">
          <Dialog.Title className="dialog__title">
            Deploy {workflow} to {target.name}
          </Dialog.Title>
          <Dialog.Description className="dialog__description">
            Each function its Lambda blocks call, then the workflow runner (allowed to invoke them), sent to <span className="mono">{target.region}</span>; each gets a new
            version with alias <span className="mono">live</span> on it. Run then starts the workflow there.
          </Dialog.Description>
          {showingSteps ? (
            <WorkflowDeploySteps run={thisRun} />
          ) : (
            <>
              <p className="deploy-sends" data-testid="workflow-deploy-functions">
                Sends {functions.map((fn, i) => (
                  <span key={fn}>
                    {i > 0 && ', '}
                    <span className="mono">{functionLabel(fn)}</span>
                  </span>
                ))}
                .
              </p>
              <RolePicker target={target.id} deployed={deployed} choice={shown} problem={tried && !check.ok ? check.problem : undefined} onChange={setChoice} />
            </>
          )}
          <DialogButtons
            closeLabel={showingSteps && !thisRun.running ? 'Close' : 'Cancel'}
            closeTestId="deploy-close"
            confirm={
              !showingSteps || !thisRun.running
                ? {
                    label: <><Rocket size={13} /> {showingSteps ? 'Deploy again' : 'Deploy'}</>,
                    onClick: () => void deploy(),
                    disabled: !showingSteps && tried && !check.ok,
                    testId: showingSteps ? 'deploy-again' : 'deploy-confirm',
                  }
                : undefined
            }
          >
            {showingSteps && !thisRun.running && thisRun.result === null && (
              <button type="button" className="button" onClick={() => setTried(false)} data-testid="deploy-back">
                Change the role
              </button>
            )}
          </DialogButtons>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
