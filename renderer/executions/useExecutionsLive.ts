import { useEffect } from 'react';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { coalesce } from '../lib/coalesce.ts';
import { useUi } from '../shell/ui-store.ts';
import { currentTargetId, onTargetChanged } from '../targets/target-store.ts';
import { useApprovals } from './approvals-store.ts';
import { onCallbackAnswered } from './callback-store.ts';
import { useDetail } from './detail-store.ts';
import { onExecutionsChanged } from './executions-api.ts';
import type { ExecutionSummary } from './execution-filters.ts';
import { useExecutions } from './executions-store.ts';

/** How often a busy execution may refresh the views: often enough to watch, rarely enough to stay light. */
const REFRESH_MS = 300;
/** How often changed executions are put into the list: the first at once, then at most this often. */
const LIST_MS = 100;
/** How often the counts are asked again while executions change. */
const COUNTS_MS = 500;
/** AWS sends the studio no events: an AWS target's views are asked again this often. */
const AWS_POLL_MS = 5_000;

/**
 * Keeps the list, the open execution and the pending callbacks current from the engine's
 * events, without reloading. Events come in streams while an execution runs fast; each view
 * refreshes at most every 300 ms during a stream and once after it, never two loads at a time.
 * Switching the target empties the views and loads the new target's; an AWS target is polled.
 */
export function useExecutionsLive(): void {
  useEffect(() => {
    void useApprovals.getState().load();
    const pending = coalesce(() => useApprovals.getState().load(), REFRESH_MS);
    const detail = coalesce(() => useDetail.getState().refresh(), REFRESH_MS);
    // Changes wait here and reach the list together, so many executions at once redraw it a few times a second.
    let changes: ExecutionSummary[] = [];
    const apply = coalesce(() => {
      const batch = changes;
      changes = [];
      if (currentTargetId() === LOCAL_TARGET_ID) useExecutions.getState().upsert(batch);
    }, LIST_MS);
    // Changes move the counts, also of executions not loaded: the server counts them again.
    const counts = coalesce(() => useExecutions.getState().refreshCounts(), COUNTS_MS);
    const offChanged = onExecutionsChanged((summary) => {
      // These events come from the local engine; an AWS target's views are polled instead.
      if (currentTargetId() !== LOCAL_TARGET_ID) return;
      changes.push(summary);
      apply.request();
      counts.request();
      pending.request();
      if (useDetail.getState().arn === summary.arn) detail.request();
    });
    const offAnswered = onCallbackAnswered(() => {
      pending.request();
      detail.request();
    });
    const offTarget = onTargetChanged(() => {
      changes = [];
      // Another account's executions: nothing open or ticked here means anything there.
      useDetail.getState().clear();
      useExecutions.getState().open(null);
      useExecutions.getState().setChecked([]);
      useApprovals.getState().setChecked([]);
      useExecutions.setState({ list: [], loaded: false, failure: null, counts: {}, allCounts: {}, nextCursor: undefined });
      useApprovals.setState({ pending: [], loaded: false, failure: null });
      void useExecutions.getState().load();
      pending.request();
    });
    const poll = setInterval(() => {
      if (currentTargetId() === LOCAL_TARGET_ID) return;
      // The pending count feeds the activity badge, so it is always asked; the list only while it shows.
      pending.request();
      if (useUi.getState().view === 'executions') void useExecutions.getState().load();
      if (useDetail.getState().arn !== null) detail.request();
    }, AWS_POLL_MS);
    // Timeouts and ages move with the clock even when nothing happens.
    const slow = setInterval(() => pending.request(), 30_000);
    return () => {
      offChanged();
      offAnswered();
      offTarget();
      clearInterval(poll);
      clearInterval(slow);
      pending.cancel();
      detail.cancel();
      apply.cancel();
      counts.cancel();
    };
  }, []);
}
