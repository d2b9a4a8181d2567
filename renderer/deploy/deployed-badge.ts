import type { DeployedFunctionStatus } from '../../shared/contract/targets.ts';

export interface DeployedBadgeLook {
  text: string;
  tone: 'success' | 'muted' | 'warning' | 'error';
  /** The longer sentence on hover. */
  title: string;
  state: 'deployed' | 'not-deployed' | 'differs' | 'unknown';
}

/** The editor header's badge for one AWS target: "v3 on prod", "not deployed to prod", or that local code differs. */
export function deployedBadge(targets: readonly DeployedFunctionStatus[] | undefined, target: { id: string; name: string }): DeployedBadgeLook | null {
  const row = targets?.find((t) => t.target === target.id);
  if (row === undefined) return null;
  if (row.problem !== undefined) return { text: `${target.name}: could not ask`, tone: 'error', title: row.problem.message, state: 'unknown' };
  if (!row.deployed) return { text: `not deployed to ${target.name}`, tone: 'muted', title: `${target.name} has no function of this name yet: Deploy sends it.`, state: 'not-deployed' };
  const version = row.liveVersion ?? row.version;
  const on = version === undefined ? `on ${target.name}` : `v${version} on ${target.name}`;
  if (row.differs === true) return { text: `${on} · local code differs`, tone: 'warning', title: `The code the workspace builds now is not what ${target.name} runs: deploy again to send it.`, state: 'differs' };
  const live = row.liveVersion === undefined ? 'no live alias' : `alias live → v${row.liveVersion}`;
  return { text: on, tone: 'success', title: `Deployed to ${target.name}, ${live}; the same code as the workspace.`, state: 'deployed' };
}
