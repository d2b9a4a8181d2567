import { useEffect } from 'react';
import { coalesce } from '../lib/coalesce.ts';
import { useApprovals } from './approvals-store.ts';
import { onCallbackAnswered } from './callback-store.ts';
import { useDetail } from './detail-store.ts';
import { onExecutionsChanged } from './executions-api.ts';
import { useExecutions } from './executions-store.ts';

/** How often a busy execution may refresh the views: often enough to watch, rarely enough to stay light. */
const REFRESH_MS = 300;

/**
 * Keeps the list, the open execution and the pending callbacks current from the engine's
 * events, without reloading. Events come in streams while an execution runs fast; each view
 * refreshes at most every 300 ms during a stream and once after it, never two loads at a time.
 */
export function useExecutionsLive(): void {
  useEffect(() => {
    void useApprovals.getState().load();
    const pending = coalesce(() => useApprovals.getState().load(), REFRESH_MS);
    const detail = coalesce(() => useDetail.getState().refresh(), REFRESH_MS);
    const offChanged = onExecutionsChanged((summary) => {
      useExecutions.getState().upsert(summary);
      pending.request();
      if (useDetail.getState().arn === summary.arn) detail.request();
    });
    const offAnswered = onCallbackAnswered(() => {
      pending.request();
      detail.request();
    });
    // Timeouts and ages move with the clock even when nothing happens.
    const slow = setInterval(() => pending.request(), 30_000);
    return () => {
      offChanged();
      offAnswered();
      clearInterval(slow);
      pending.cancel();
      detail.cancel();
    };
  }, []);
}
