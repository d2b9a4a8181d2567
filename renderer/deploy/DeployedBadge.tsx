import { Cloud, CloudOff, TriangleAlert } from 'lucide-react';
import { useCurrentTarget } from '../targets/useCurrentTarget.ts';
import { deployedBadge } from './deployed-badge.ts';
import { useDeploy } from './deploy-store.ts';
import { useDeployedStatus } from './useDeployedStatus.ts';

/** Whether the open function is on the AWS target chosen in the status bar; a click asks again. */
export function DeployedBadge({ fn }: { fn: string }) {
  const target = useCurrentTarget();
  const aws = target.kind === 'aws';
  const targets = useDeploy((s) => s.status[fn]?.targets);
  const loading = useDeploy((s) => s.status[fn]?.loading === true);
  useDeployedStatus(fn, aws, target.id);
  if (!aws) return null;
  const look = deployedBadge(targets, target);
  if (look === null) return null;
  const Icon = look.state === 'differs' || look.state === 'unknown' ? TriangleAlert : look.state === 'deployed' ? Cloud : CloudOff;
  return (
    <button
      type="button"
      className={`badge deployed-badge deployed-badge--${look.tone}${loading ? ' is-loading' : ''}`}
      onClick={() => void useDeploy.getState().loadStatus(fn)}
      title={`${look.title} Click to check again.`}
      aria-label={`${look.text}. Check again`}
      data-testid="deployed-badge"
      data-state={look.state}
    >
      <Icon size={11} aria-hidden /> {look.text}
    </button>
  );
}
