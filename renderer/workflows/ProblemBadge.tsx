import { CircleAlert } from 'lucide-react';
import { Tip } from '../shell/Tip.tsx';
import type { ProblemRow } from './problems-store.ts';

/** A red badge with the count; the reasons on hover. */
export function ProblemBadge({ rows }: { rows: readonly ProblemRow[] | undefined }) {
  if (rows === undefined || rows.length === 0) return null;
  const reasons = rows.map((r) => (r.field === undefined ? r.message : `${r.field}: ${r.message}`));
  return (
    <Tip label={reasons.join(' · ')}>
      <span className="wf-problem-badge" role="img" aria-label={`${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}: ${reasons.join('; ')}`} data-testid="block-problems">
        <CircleAlert size={11} aria-hidden />
        {rows.length}
      </span>
    </Tip>
  );
}
