import { BellRing } from 'lucide-react';
import { useUi } from '../shell/ui-store.ts';
import { useApprovals } from './approvals-store.ts';
import { useCallbacks } from './callback-store.ts';

/** "2 pending approvals" in the status bar; opens the inbox. Hidden when nothing waits. */
export function PendingStatus() {
  const pending = useApprovals((s) => s.pending);
  const answered = useCallbacks((s) => s.answered);
  const count = pending.filter((p) => answered[p.callbackId] === undefined).length;
  if (count === 0) return null;
  return (
    <button className="status-bar__item status-bar__button" onClick={() => useUi.getState().setView('approvals')} data-testid="status-approvals" title="Open the approvals inbox">
      <BellRing size={12} aria-hidden className="tone-warning" />
      {count} pending {count === 1 ? 'approval' : 'approvals'}
    </button>
  );
}
