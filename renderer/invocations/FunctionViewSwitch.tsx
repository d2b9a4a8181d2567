import { Activity, Code2, Inbox } from 'lucide-react';
import { useEditor } from '../editor/editor-store.ts';
import { useQueueView } from '../queues/queue-view-store.ts';
import { useEffect } from 'react';
import { subscribeInvocations, useInvocations } from './invocations-store.ts';

/** Code, Invocations or Queue: the function page's views, as the Lambda console's Code and Monitor tabs. */
export function FunctionViewSwitch({ fn }: { fn: string }) {
  const view = useInvocations((s) => s.view);
  const count = useInvocations((s) => (s.fn === fn ? s.items?.length : undefined));
  const hasQueue = useEditor((s) => s.detail?.config?.triggers?.queue !== undefined);
  const waiting = useQueueView((s) => (s.fn === fn && s.status !== null ? s.status.counts.visible + s.status.counts.inFlight : undefined));
  useEffect(() => subscribeInvocations(), []);
  useEffect(() => {
    void useInvocations.getState().load(fn);
  }, [fn]);
  const setView = useInvocations.getState().setView;
  return (
    <div className="segmented" role="tablist" aria-label="Function views">
      <button role="tab" aria-selected={view === 'code'} className={view === 'code' ? 'is-active' : undefined} onClick={() => setView('code')} title="The function's code and its Invoke panel" data-testid="function-view-code">
        <Code2 size={12} aria-hidden /> <span className="segmented__label">Code</span>
      </button>
      <button
        role="tab"
        aria-selected={view === 'invocations'}
        className={view === 'invocations' ? 'is-active' : undefined}
        onClick={() => setView('invocations')}
        title="Every invocation of this function, from any caller"
        data-testid="function-view-invocations"
      >
        <Activity size={12} aria-hidden /> <span className="segmented__label">Invocations</span>
        {count !== undefined && count > 0 && <span className="count-badge">{count}</span>}
      </button>
      <button
        role="tab"
        aria-selected={view === 'queue'}
        className={view === 'queue' ? 'is-active' : undefined}
        onClick={() => setView('queue')}
        title={hasQueue ? "The function's local queue: its messages, counts and dead letters" : 'Give the function a local SQS-style queue'}
        data-testid="function-view-queue"
      >
        <Inbox size={12} aria-hidden /> <span className="segmented__label">Queue</span>
        {hasQueue && waiting !== undefined && waiting > 0 && <span className="count-badge">{waiting}</span>}
      </button>
    </div>
  );
}
