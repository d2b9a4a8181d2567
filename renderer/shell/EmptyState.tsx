import type { ReactNode } from 'react';

/** What an empty list or page shows: what this is, what to do next, and the button to do it. */
export function EmptyState({ icon, title, children, action, testId }: { icon: ReactNode; title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state__icon" aria-hidden>
        {icon}
      </div>
      <div className="empty-state__title">{title}</div>
      {children !== undefined && <div className="empty-state__text">{children}</div>}
      {action !== undefined && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
