import { BellRing, History } from 'lucide-react';
import { EmptyState } from './EmptyState.tsx';
import { useUi, type View } from './ui-store.ts';

const PAGES: Partial<Record<View, { title: string; text: string; icon: React.ReactNode }>> = {
  executions: {
    title: 'Executions are coming',
    text: 'Every durable execution, local or on AWS, will be listed here with its step timeline. Until then, create a function from the durable template to be ready for it.',
    icon: <History size={32} />,
  },
  approvals: {
    title: 'Approvals are coming',
    text: 'Callbacks waiting for a person (approve, reject, heartbeat) will gather here with a count on the icon.',
    icon: <BellRing size={32} />,
  },
};

/** The areas that are not built yet: what they will hold, and where to go meanwhile. */
export function PlaceholderPage({ view }: { view: View }) {
  const setView = useUi((s) => s.setView);
  const page = PAGES[view];
  if (page === undefined) return null;
  return (
    <div className="page page--center" data-testid={`placeholder-${view}`}>
      <EmptyState
        icon={page.icon}
        title={page.title}
        action={
          <button className="button" onClick={() => setView('functions')}>
            Go to Functions
          </button>
        }
      >
        {page.text}
      </EmptyState>
    </div>
  );
}
