import type { WorkflowRun } from '../../shared/contract/workflows.ts';

/** While a run is live on an AWS target, the canvas asks this often at first… */
export const POLL_LIVE_MS = 2_000;
/** …and no less often than this while nothing changes. */
export const POLL_LIVE_MAX_MS = 5_000;
/** With nothing running, the runs list is still asked now and then (someone else may start one). */
export const POLL_IDLE_MAX_MS = 30_000;

/** Whether anything on the page is still moving: the run drawn, or a run in the list. */
export function runsLive(shownStatus: string | undefined, shownArn: string | null, runs: readonly Pick<WorkflowRun, 'status'>[]): boolean {
  // A run just opened has no view yet: it is treated as live until its history says otherwise.
  if (shownArn !== null && (shownStatus === undefined || shownStatus === 'RUNNING')) return true;
  return runs.some((r) => r.status === 'RUNNING');
}

/**
 * The wait before the next poll: 2 s after a change while live, growing to 5 s while a live run
 * stands still, and up to 30 s when nothing runs. AWS sends the studio no events, so this is how
 * a run on a target moves on the canvas.
 */
export function nextPollDelay(previousMs: number, live: boolean, changed: boolean): number {
  if (live) return changed ? POLL_LIVE_MS : Math.min(Math.max(previousMs, POLL_LIVE_MS) * 1.5, POLL_LIVE_MAX_MS);
  return Math.min(Math.max(previousMs, POLL_LIVE_MS) * 2, POLL_IDLE_MAX_MS);
}

/** A fingerprint of what a poll can change, to tell whether it did. */
export function pollSignature(eventCount: number, runs: readonly Pick<WorkflowRun, 'executionArn' | 'status'>[]): string {
  return `${eventCount}|${runs.map((r) => `${r.executionArn}=${r.status}`).join(',')}`;
}
