import { Cloud, Server } from 'lucide-react';
import { useCurrentTarget } from './useCurrentTarget.ts';

/** "on <target>" beside a list's title, so it is never a guess which account a list shows. */
export function TargetChip({ compact = false }: { compact?: boolean }) {
  const target = useCurrentTarget();
  const local = target.kind === 'local';
  return (
    <span className={`target-chip${local ? '' : ' target-chip--aws'}`} title={local ? 'The studio’s own Lambda service' : `AWS target ${target.name}: ${target.region}`} data-testid="target-chip" data-target={target.id}>
      {local ? <Server size={11} aria-hidden /> : <Cloud size={11} aria-hidden />}
      on {target.name}
      {!local && !compact && <span className="target-chip__region">{target.region}</span>}
    </span>
  );
}
