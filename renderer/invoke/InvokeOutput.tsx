import { CircleCheck, CircleX, Copy, ExternalLink, Hourglass, LoaderCircle, RotateCcw, Timer } from 'lucide-react';
import type { InvocationRetry } from '../../shared/contract/executions.ts';
import { useNow } from '../executions/useNow.ts';
import { useExecutions } from '../executions/executions-store.ts';
import { StackTrace } from '../executions/StackTrace.tsx';
import { useCurrentTarget } from '../targets/useCurrentTarget.ts';
import { prettyJson } from './event-text.ts';
import { handlerErrorOf, isRunningDurable, reportFigures, retryWords, viewLogLine } from './invoke-outcome.ts';
import { useInvoke } from './invoke-store.ts';

function copy(text: string): void {
  void navigator.clipboard?.writeText(text).catch(() => {});
}

/** The invocation's log lines: the live stream while it runs, the full record once it ended. */
export function InvokeLogs({ fn }: { fn: string }) {
  const state = useInvoke((s) => s.get(fn));
  const lines = state.running ? state.liveLogs : (state.result?.logs ?? []);
  if (lines.length === 0) {
    return <p className="invoke-logs__empty muted">{state.running ? 'Waiting for the first log line…' : 'Logs of the next invocation appear here.'}</p>;
  }
  return (
    <pre className="invoke-logs" data-testid="invoke-logs" aria-live="polite">
      {lines.map((line, i) => {
        const view = viewLogLine(line);
        return (
          <div key={i} className={view.platform ? 'log-line log-line--platform' : 'log-line'} data-testid="log-line" title={line}>
            {view.time !== undefined && <span className="log-line__time">{view.time} </span>}
            {view.level !== undefined && <span className={`log-line__level log-line__level--${view.level.toLowerCase()}`}>{view.level} </span>}
            {view.message}
          </div>
        );
      })}
    </pre>
  );
}

/** The engine retrying a durable execution's failed invocations: which failed, with what error, and the next attempt. */
function RetryNotice({ retry }: { retry: InvocationRetry }) {
  const nowMs = useNow(retry.nextAttemptMs !== undefined, 1000);
  const words = retryWords(retry, nowMs);
  return (
    <div className="invoke-retrying" role="status" data-testid="invoke-retrying">
      <div>
        <b>Retrying:</b> {words.failed}
        {words.error !== undefined && (
          <>
            {' with '}
            <span className="mono invoke-retrying__error">{words.error}</span>
          </>
        )}
        . {words.next}
      </div>
      <div className="muted">The engine invokes the handler again with back-off; after {retry.maxInvocations} failed invocations in a row the execution fails.</div>
    </div>
  );
}

/** Result or error, the REPORT figures and the logs of the function's last invocation. */
export function InvokeOutput({ fn }: { fn: string }) {
  const state = useInvoke((s) => s.get(fn));
  const { result, running } = state;
  const target = useCurrentTarget();
  if (running) {
    return (
      <div className="invoke-output">
        <div className="invoke-status" data-testid="invoke-running">
          <LoaderCircle size={14} className="spin" aria-hidden /> Running…
        </div>
        <InvokeLogs fn={fn} />
      </div>
    );
  }
  if (result === null) {
    return (
      <div className="invoke-output">
        <p className="muted invoke-output__hint">
          {target.kind === 'local'
            ? 'Invoke runs the saved code with this event in a local sandbox. Unsaved edits are saved first.'
            : `Invoke runs ${fn} as deployed to ${target.name} (alias live) with this event; deploy first to run your latest edits.`}
        </p>
      </div>
    );
  }
  const failure = handlerErrorOf(result);
  // A durable execution that waits for a timer or a callback answers before it ends; this panel
  // takes its outcome when it does.
  const waiting = isRunningDurable(result);
  // Running, but only because the engine retries failed invocations: said as such, with the engine's figures.
  const retry = waiting ? result.invocationRetry : undefined;
  const outcome = retry !== undefined ? 'retrying' : waiting ? 'running' : failure === null ? 'succeeded' : 'failed';
  return (
    <div className="invoke-output" data-testid="invoke-output" data-outcome={outcome}>
      <div className={`invoke-status ${retry !== undefined ? 'tone-warning' : waiting ? 'tone-info' : failure === null ? 'tone-success' : 'tone-error'}`}>
        {retry !== undefined ? <RotateCcw size={14} aria-hidden /> : waiting ? <Hourglass size={14} aria-hidden /> : failure === null ? <CircleCheck size={14} aria-hidden /> : <CircleX size={14} aria-hidden />}
        <b>{retry !== undefined ? 'Retrying' : waiting ? 'Running' : failure === null ? 'Succeeded' : 'Failed'}</b>
        <span className="muted mono invoke-status__id" title="Request id">
          {result.requestId}
        </span>
        {result.executedVersion !== undefined && <span className="muted mono">v{result.executedVersion}</span>}
      </div>
      {result.durableExecutionArn !== undefined && (
        <div className="invoke-durable" data-testid="invoke-durable-arn">
          <Timer size={12} aria-hidden /> <span className="muted">Durable execution</span>
          <span className="mono invoke-durable__arn">{result.durableExecutionArn}</span>
          <button className="icon-button" aria-label="Copy execution ARN" onClick={() => copy(result.durableExecutionArn ?? '')}>
            <Copy size={12} />
          </button>
          <button className="link-button invoke-durable__open" onClick={() => useExecutions.getState().open(result.durableExecutionArn ?? null)} data-testid="invoke-open-execution">
            <ExternalLink size={12} aria-hidden /> Open
          </button>
        </div>
      )}
      {retry !== undefined && <RetryNotice retry={retry} />}
      {waiting && retry === undefined && (
        <p className="muted invoke-output__hint" data-testid="invoke-waiting">
          The execution waits for a timer or a callback. Open it to follow its steps or answer a callback; its result shows here when it ends.
        </p>
      )}
      {failure === null ? (
        <pre className="invoke-result mono" data-testid="invoke-result">
          {prettyJson(result.payload)}
        </pre>
      ) : (
        <div className="invoke-error" role="alert" data-testid="invoke-error">
          <div className="invoke-error__head mono">
            {failure.type}: {failure.message}
          </div>
          {failure.stack.length > 0 && <StackTrace className="invoke-error__stack" lines={failure.stack} fn={fn} />}
        </div>
      )}
      {result.report !== undefined && (
        <dl className="invoke-report" data-testid="invoke-report">
          {reportFigures(result.report).map((f) => (
            <div key={f.label} title={f.hint} data-testid={`report-${f.label.toLowerCase()}`}>
              <dt>{f.label}</dt>
              <dd className="mono">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="invoke-output__section">Log</div>
      <InvokeLogs fn={fn} />
    </div>
  );
}
