import * as Tabs from '@radix-ui/react-tabs';
import { FastForward } from 'lucide-react';
import { useCallback, useEffect, useMemo } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { toFailure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useTargets } from '../targets/target-store.ts';
import { CallbackActions } from './CallbackActions.tsx';
import { useDetail } from './detail-store.ts';
import { subscribeExecutionInvocations, useExecutionInvocations } from './execution-invocations-store.ts';
import { ExecutionLogs } from './ExecutionLogs.tsx';
import { attemptLines, invocationLogViews } from './invocation-logs.ts';
import { exportHistory } from './executions-api.ts';
import { skipNextTimer } from './timer-actions.ts';
import { useExecutions } from './executions-store.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { ExecutionHeader } from './ExecutionHeader.tsx';
import { Inspector } from './Inspector.tsx';
import { isDone, isPendingCallback, type OperationView } from './model.ts';
import { Timeline } from './Timeline.tsx';
import { useNow } from './useNow.ts';

/** When the virtual clock could fast-forward this operation: a running wait, a scheduled retry, a callback's timeout. */
function dueAt(op: OperationView): number | undefined {
  if (isDone(op.status)) return undefined;
  if (op.type === 'WAIT') return op.scheduledEndMs;
  if (op.type === 'STEP' && op.status === 'PENDING') return op.nextAttemptMs;
  if (op.type === 'CALLBACK') return op.timeoutMs;
  return undefined;
}

/** The engine skips the earliest timer of an execution, so only that operation offers "Skip". */
export function nextTimerId(ops: readonly OperationView[]): string | undefined {
  let best: { id: string; due: number } | undefined;
  for (const op of ops) {
    const due = dueAt(op);
    if (due !== undefined && (best === undefined || due < best.due)) best = { id: op.id, due };
  }
  return best?.id;
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One execution: header, step timeline with the inspector beside it, and the raw history. */
export function ExecutionDetail() {
  const view = useDetail((s) => s.view);
  const failure = useDetail((s) => s.failure);
  const offlineName = useDetail((s) => s.offlineName);
  const selectedId = useDetail((s) => s.selectedId);
  const tab = useDetail((s) => s.tab);
  const running = view !== null && view.execution.endMs === undefined && offlineName === null;
  const nowMs = useNow(running);
  const layout = useDefaultLayout({ id: 'lambda-studio.execution-detail', storage: localStorage });
  const live = offlineName === null;
  const onLocal = useTargets((s) => s.currentId === LOCAL_TARGET_ID);
  const arn = view?.execution.arn;

  const nextTimer = useMemo(() => (view === null ? undefined : nextTimerId(view.operations)), [view]);
  const skip = useCallback(
    () => {
      if (arn === undefined) return;
      skipNextTimer(arn)
        .then((fired) => (fired ? useDetail.getState().refresh() : undefined))
        .catch((error: unknown) => useUi.getState().notify(toFailure(error, 'Could not skip the timer')));
    },
    [arn],
  );

  const rowActions = useCallback(
    (op: OperationView) => {
      if (!live) return null;
      const callback = isPendingCallback(op);
      // The virtual clock is the local engine's: an AWS execution's timers run in AWS.
      const canSkip = onLocal && op.id === nextTimer;
      if (!callback && !canSkip) return null;
      return (
        <>
          {callback && <CallbackActions op={op} compact />}
          {canSkip && (
            <button className="row-action" onClick={skip} title="Skip: fire this timer now on the virtual clock" data-testid="row-skip">
              <FastForward size={11} />
            </button>
          )}
        </>
      );
    },
    [live, skip, nextTimer, onLocal],
  );

  const selected = useMemo(() => view?.operations.find((o) => o.id === selectedId), [view, selectedId]);

  // The execution's invocations and their lines: the Logs tab, and a step's lines in the inspector.
  useEffect(() => subscribeExecutionInvocations(), []);
  useEffect(() => {
    if (arn === undefined || !live) useExecutionInvocations.getState().clear();
    else void useExecutionInvocations.getState().load(arn);
  }, [arn, live, onLocal]);
  const invocations = useExecutionInvocations((s) => s.items);
  const logViews = useMemo(() => invocationLogViews(invocations ?? []), [invocations]);
  const stepLines = useMemo(
    () => (selected === undefined || selected.type !== 'STEP' || view === null ? [] : attemptLines(selected, logViews, view.history, view.execution.endMs ?? nowMs)),
    [selected, logViews, view, nowMs],
  );

  if (view === null) {
    return <div className="page">{failure !== null ? <ErrorMessage failure={failure} /> : <p className="tone-text--stopped">Loading the execution…</p>}</div>;
  }
  const back = () => {
    useDetail.getState().clear();
    useExecutions.getState().open(null);
  };
  const onExport = live
    ? () => {
        exportHistory(view.execution.arn)
          .then(({ fileName, text }) => download(fileName, text))
          .catch((error: unknown) => useUi.getState().notify(toFailure(error, 'Could not export the history')));
      }
    : undefined;
  return (
    <div className="exec-detail" data-testid="execution-detail">
      <ExecutionHeader
        execution={view.execution}
        nowMs={nowMs}
        offlineName={offlineName}
        onBack={back}
        onStop={() => void useExecutions.getState().stop([view.execution.arn]).then(() => useDetail.getState().refresh())}
        onRerun={onLocal ? () => void useExecutions.getState().rerun(view.execution.arn) : undefined}
        onSkip={nextTimer === undefined || !onLocal ? undefined : skip}
        onDebugLocally={() => void useExecutions.getState().debugLocally(view.execution.arn)}
      />
      {failure !== null && <ErrorMessage failure={failure} />}
      <Tabs.Root value={tab} onValueChange={(v) => useDetail.getState().setTab(v === 'history' || v === 'logs' ? v : 'timeline')} className="tab-body">
        <Tabs.List className="tabs-list" aria-label="Execution views">
          <Tabs.Trigger value="timeline" className="panel-tab" data-testid="tab-timeline">
            Timeline
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className="panel-tab" data-testid="tab-history">
            History ({view.history.length})
          </Tabs.Trigger>
          {live && (
            <Tabs.Trigger value="logs" className="panel-tab" data-testid="tab-logs">
              Logs{invocations !== null && invocations.length > 0 ? ` (${invocations.length})` : ''}
            </Tabs.Trigger>
          )}
        </Tabs.List>
        <Tabs.Content value="timeline" className="tab-body" forceMount hidden={tab !== 'timeline'}>
          <Group orientation="horizontal" className="detail-split" defaultLayout={layout.defaultLayout} onLayoutChanged={layout.onLayoutChanged}>
            <Panel id="timeline-pane" minSize="35%">
              <Timeline execution={view.execution} operations={view.operations} nowMs={view.execution.endMs ?? nowMs} selectedId={selectedId} onSelect={(id) => useDetail.getState().select(id)} rowActions={rowActions} />
            </Panel>
            <Separator className="separator separator--vertical" />
            <Panel id="inspector-pane" defaultSize={340} minSize={240} maxSize="55%" groupResizeBehavior="preserve-pixel-size">
              <Inspector
                op={selected}
                nowMs={nowMs}
                logs={selected === undefined ? undefined : view.logs?.get(selected.id)}
                consoleLines={stepLines.map((l) => l.line)}
                actions={selected !== undefined && live ? <CallbackActions op={selected} /> : undefined}
                onOpenExecution={live ? (child) => useExecutions.getState().open(child) : undefined}
              />
            </Panel>
          </Group>
        </Tabs.Content>
        <Tabs.Content value="history" className="tab-body" forceMount hidden={tab !== 'history'}>
          <HistoryTable rows={view.history} onExport={onExport} />
        </Tabs.Content>
        {live && (
          <Tabs.Content value="logs" className="tab-body" hidden={tab !== 'logs'}>
            <ExecutionLogs onLocal={onLocal} />
          </Tabs.Content>
        )}
      </Tabs.Root>
    </div>
  );
}
