import { useEffect } from 'react';
import { useApprovals } from './approvals-store.ts';
import { onCallbackAnswered } from './callback-store.ts';
import { useDetail } from './detail-store.ts';
import { onExecutionsChanged } from './executions-api.ts';
import { useExecutions } from './executions-store.ts';

/**
 * Keeps the list, the open execution and the pending callbacks current from the engine's
 * events, without reloading: bursts of events cost one refresh each (per 150 ms).
 */
export function useExecutionsLive(): void {
  useEffect(() => {
    void useApprovals.getState().load();
    let pendingTimer: ReturnType<typeof setTimeout> | undefined;
    let detailTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshPending = () => {
      clearTimeout(pendingTimer);
      pendingTimer = setTimeout(() => void useApprovals.getState().load(), 150);
    };
    const refreshDetail = () => {
      clearTimeout(detailTimer);
      detailTimer = setTimeout(() => void useDetail.getState().refresh(), 150);
    };
    const offChanged = onExecutionsChanged((summary) => {
      useExecutions.getState().upsert(summary);
      refreshPending();
      if (useDetail.getState().arn === summary.arn) refreshDetail();
    });
    const offAnswered = onCallbackAnswered(() => {
      refreshPending();
      refreshDetail();
    });
    // Timeouts and ages move with the clock even when nothing happens.
    const slow = setInterval(refreshPending, 30_000);
    return () => {
      offChanged();
      offAnswered();
      clearInterval(slow);
      clearTimeout(pendingTimer);
      clearTimeout(detailTimer);
    };
  }, []);
}
