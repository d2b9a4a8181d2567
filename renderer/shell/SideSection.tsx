import { useUi, type View } from './ui-store.ts';

const TITLES: Record<View, string> = {
  functions: 'Functions',
  workflows: 'Workflows',
  executions: 'Executions',
  approvals: 'Approvals',
  settings: 'Settings',
};

/** The side list of areas that have no list of their own yet. */
export function SideSection({ view }: { view: View }) {
  const setView = useUi((s) => s.setView);
  return (
    <div className="side-list" data-testid={`side-${view}`}>
      <div className="side-list__header">
        <span className="section-title">{TITLES[view]}</span>
      </div>
      <p className="side-list__note">
        Nothing here yet.{' '}
        <button className="link-button" onClick={() => setView('functions')}>
          Back to Functions
        </button>
      </p>
    </div>
  );
}
