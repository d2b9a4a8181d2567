import { Rocket } from 'lucide-react';
import { useState } from 'react';
import { Tip } from '../shell/Tip.tsx';
import { useCurrentTarget } from '../targets/useCurrentTarget.ts';
import { DeployDialog } from './DeployDialog.tsx';

/** The editor header's Deploy: sends the open function to the AWS target chosen in the status bar. */
export function DeployButton({ fn }: { fn: string }) {
  const target = useCurrentTarget();
  const [open, setOpen] = useState(false);
  const aws = target.kind === 'aws';
  return (
    <>
      <Tip label={aws ? `Deploy ${fn} to ${target.name} (${target.region})` : 'Choose an AWS target in the status bar to deploy'}>
        <button className="button button--small" onClick={() => setOpen(true)} disabled={!aws} aria-label={aws ? `Deploy ${fn} to ${target.name}` : 'Deploy (choose an AWS target first)'} data-testid="deploy">
          <Rocket size={13} /> Deploy
        </button>
      </Tip>
      {open && aws && <DeployDialog fn={fn} target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
