import { Ban, CircleCheck, CircleX, Hourglass, LoaderCircle } from 'lucide-react';
import type { Tone } from './status-look.ts';

const ICONS: Record<Tone, typeof Ban> = {
  running: LoaderCircle,
  succeeded: CircleCheck,
  failed: CircleX,
  pending: Hourglass,
  stopped: Ban,
};

export function StatusIcon({ tone, size = 13 }: { tone: Tone; size?: number }) {
  const Icon = ICONS[tone];
  return <Icon size={size} className={`tone-icon tone-icon--${tone}`} aria-hidden />;
}

/** Icon and word in the status colour: colour is never the only signal. */
export function StatusBadge({ tone, label, testId }: { tone: Tone; label: string; testId?: string }) {
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid={testId} data-tone={tone}>
      <StatusIcon tone={tone} size={12} />
      {label}
    </span>
  );
}
