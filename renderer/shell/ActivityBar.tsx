import { BellRing, Boxes, History, Settings, SquareFunction, Workflow } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApprovalsBadge } from '../executions/ApprovalsBadge.tsx';
import { showExecutionList } from '../executions/show-list.ts';
import { Tip } from './Tip.tsx';
import { useUi, type View } from './ui-store.ts';

const ITEMS: { view: View; label: string; icon: ReactNode }[] = [
  { view: 'functions', label: 'Functions', icon: <SquareFunction size={20} /> },
  { view: 'workflows', label: 'Workflows', icon: <Workflow size={20} /> },
  { view: 'executions', label: 'Executions', icon: <History size={20} /> },
  { view: 'approvals', label: 'Approvals', icon: <BellRing size={20} /> },
];

function Item({ view, label, icon }: { view: View; label: string; icon: ReactNode }) {
  const active = useUi((s) => s.view === view);
  const setView = useUi((s) => s.setView);
  return (
    <Tip label={label} side="right">
      <button
        className={`activity-bar__item${active ? ' is-active' : ''}`}
        aria-label={label}
        aria-current={active ? 'page' : undefined}
        // Executions opens on its list, whatever execution was open last (Back returns to it).
        onClick={() => (view === 'executions' ? showExecutionList() : setView(view))}
        data-testid={`activity-${view}`}
      >
        {icon}
        {view === 'approvals' && <ApprovalsBadge />}
      </button>
    </Tip>
  );
}

/** The narrow strip on the left that switches between the studio's areas. */
export function ActivityBar() {
  return (
    <nav className="activity-bar" aria-label="Areas">
      <div className="activity-bar__logo" aria-hidden>
        <Boxes size={18} />
      </div>
      {ITEMS.map((item) => (
        <Item key={item.view} {...item} />
      ))}
      <div className="activity-bar__spacer" />
      <Item view="settings" label="Settings" icon={<Settings size={20} />} />
    </nav>
  );
}
