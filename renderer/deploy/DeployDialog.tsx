import * as Dialog from '@radix-ui/react-dialog';
import { Rocket } from 'lucide-react';
import { useState } from 'react';
import type { Target } from '../../shared/contract/targets.ts';
import { useDeploy } from './deploy-store.ts';
import { defaultRoleChoice, roleOf, type RoleChoice } from './deploy-model.ts';
import { DeployedStatus } from './DeployedStatus.tsx';
import { DeploySteps } from './DeploySteps.tsx';
import { DialogButtons } from '../shell/DialogButtons.tsx';
import { RolePicker } from './RolePicker.tsx';
import './deploy.css';

interface Props {
  fn: string;
  target: Target;
  onClose(): void;
}

/** Deploys the open function to the chosen AWS target: pick the role, then watch each step. */
export function DeployDialog({ fn, target, onClose }: Props) {
  const run = useDeploy((s) => s.runs[fn]);
  const deployed = useDeploy((s) => s.status[fn]?.targets.find((t) => t.target === target.id)?.deployed === true);
  const [choice, setChoice] = useState<RoleChoice | null>(null);
  const [tried, setTried] = useState(false);
  // Until the person picks, the choice follows what the status says (it may arrive after the dialog opens).
  const shown = choice ?? defaultRoleChoice(deployed);
  const check = roleOf(shown);
  const thisRun = run !== undefined && run.target === target.id ? run : undefined;
  const showingSteps = thisRun !== undefined && (thisRun.running || tried);

  const deploy = () => {
    setTried(true);
    if (!check.ok) return;
    void useDeploy.getState().deploy(fn, target.id, check.role);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog deploy-dialog" data-testid="deploy-dialog">
          <Dialog.Title className="dialog__title">
            Deploy {fn} to {target.name}
          </Dialog.Title>
          <Dialog.Description className="dialog__description">
            The same bundle the studio runs locally, zipped and sent to <span className="mono">{target.region}</span> with the settings of function.json; a version is
            published and alias <span className="mono">live</span> moved to it.
          </Dialog.Description>
          <DeployedStatus fn={fn} />
          {showingSteps ? (
            <DeploySteps run={thisRun} />
          ) : (
            <RolePicker target={target.id} deployed={deployed} choice={shown} problem={tried && !check.ok ? check.problem : undefined} onChange={setChoice} />
          )}
          <DialogButtons
            closeLabel={showingSteps && !thisRun.running ? 'Close' : 'Cancel'}
            closeTestId="deploy-close"
            confirm={
              !showingSteps
                ? { label: <><Rocket size={13} /> Deploy</>, onClick: deploy, disabled: tried && !check.ok, testId: 'deploy-confirm' }
                : !thisRun.running
                  ? { label: <><Rocket size={13} /> Deploy again</>, onClick: deploy, testId: 'deploy-again' }
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
