import { useApprovals } from './approvals-store.ts';
import { useCallbacks } from './callback-store.ts';
import { useExecutionsLive } from './useExecutionsLive.ts';

/** The count on the Approvals icon; also keeps the executions views live while the app runs. */
export function ApprovalsBadge() {
  useExecutionsLive();
  const count = useApprovals((s) => s.pending.length);
  const answered = useCallbacks((s) => s.answered);
  const pending = useApprovals((s) => s.pending);
  const open = count === 0 ? 0 : pending.filter((p) => answered[p.callbackId] === undefined).length;
  if (open === 0) return null;
  return (
    <span className="activity-badge" data-testid="approvals-badge" aria-label={`${open} pending callbacks`}>
      {open > 99 ? '99+' : open}
    </span>
  );
}
