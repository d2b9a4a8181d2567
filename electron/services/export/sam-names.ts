/**
 * Names in an exported template. Function names stay the workspace's own, because a workflow's
 * Lambda blocks call functions by name; logical ids are derived from them.
 */

/** The alias every exported function is published under; durable executions then run on a version. */
export const LIVE_ALIAS = 'live';

/** Lambda's limit on a function name. */
const MAX_FUNCTION_NAME = 64;

/**
 * The name of a workflow's runner in AWS: one per workflow, so two exported workflows can live
 * in one account (the studio's single local runner name would collide).
 */
export function runnerFunctionName(workflow: string): string {
  const suffix = '-runner';
  return `${workflow.slice(0, MAX_FUNCTION_NAME - suffix.length)}${suffix}`;
}

/**
 * CloudFormation logical ids are alphanumeric: `order-intake_v2` becomes `OrderIntakeV2Function`.
 * Two names that differ only in `-`/`_` get a number so every id stays unique.
 */
export function logicalIds(functionNames: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of functionNames) {
    const base = `${name
      .split(/[-_]+/)
      .filter((part) => part !== '')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}Function`;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}${n}`;
    taken.add(id);
    ids.set(name, id);
  }
  return ids;
}
