import { Activity, Code2 } from 'lucide-react';
import { useEffect } from 'react';
import { subscribeInvocations, useInvocations } from './invocations-store.ts';

/** Code or Invocations: the function page's two views, as the Lambda console's Code and Monitor tabs. */
export function FunctionViewSwitch({ fn }: { fn: string }) {
  const view = useInvocations((s) => s.view);
  const count = useInvocations((s) => (s.fn === fn ? s.items?.length : undefined));
  useEffect(() => subscribeInvocations(), []);
  useEffect(() => {
    void useInvocations.getState().load(fn);
  }, [fn]);
  const setView = useInvocations.getState().setView;
  return (
    <div className="segmented" role="tablist" aria-label="Function views">
      <button role="tab" aria-selected={view === 'code'} className={view === 'code' ? 'is-active' : undefined} onClick={() => setView('code')} data-testid="function-view-code">
        <Code2 size={12} aria-hidden /> Code
      </button>
      <button
        role="tab"
        aria-selected={view === 'invocations'}
        className={view === 'invocations' ? 'is-active' : undefined}
        onClick={() => setView('invocations')}
        title="Every invocation of this function, from any caller"
        data-testid="function-view-invocations"
      >
        <Activity size={12} aria-hidden /> Invocations
        {count !== undefined && count > 0 && <span className="count-badge">{count}</span>}
      </button>
    </div>
  );
}
