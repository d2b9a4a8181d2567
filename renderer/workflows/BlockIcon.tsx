import { Braces, Clock, Flag, GitFork, LogIn, Repeat, Split, SquareFunction, UserCheck, type LucideIcon } from 'lucide-react';
import type { BlockType } from '../../shared/workflow/schema.ts';
import { blockKind } from './block-catalog.ts';

const ICONS: Record<BlockType, LucideIcon> = {
  input: LogIn,
  lambda: SquareFunction,
  transform: Braces,
  condition: Split,
  parallel: GitFork,
  map: Repeat,
  wait: Clock,
  approval: UserCheck,
  output: Flag,
};

/** A block type's icon in its colour, with the type in words for screen readers. */
export function BlockIcon({ type, size = 14 }: { type: BlockType; size?: number }) {
  const Icon = ICONS[type];
  return (
    <span className={`wf-type-icon wf-type-icon--${type}`} role="img" aria-label={blockKind(type).label}>
      <Icon size={size} aria-hidden />
    </span>
  );
}
