import { Ban, CircleCheck, CircleDashed, CircleX, Hourglass, LoaderCircle, type LucideIcon } from 'lucide-react';
import type { BlockStatus } from './run-state.ts';

const ICONS: Record<BlockStatus, LucideIcon> = {
  pending: CircleDashed,
  running: LoaderCircle,
  waiting: Hourglass,
  succeeded: CircleCheck,
  failed: CircleX,
  skipped: Ban,
};

/** A block's run state as icon and word: colour is never the only signal. */
export function RunStatus({ status, label, testId }: { status: BlockStatus; label: string; testId?: string }) {
  const Icon = ICONS[status];
  return (
    <span className={`wf-run-status wf-run-status--${status}`} data-testid={testId} data-status={status}>
      <Icon size={12} aria-hidden className={status === 'running' ? 'wf-spin' : undefined} />
      {label}
    </span>
  );
}
