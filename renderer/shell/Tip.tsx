import * as Tooltip from '@radix-ui/react-tooltip';
import type { ReactNode } from 'react';

/** A tooltip with an optional shortcut, shown the same way everywhere. */
export function Tip({ label, shortcut, side = 'bottom', children }: { label: string; shortcut?: string; side?: 'top' | 'right' | 'bottom' | 'left'; children: ReactNode }) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" side={side} sideOffset={6}>
          {label}
          {shortcut !== undefined && <kbd className="kbd">{shortcut}</kbd>}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
