import { ExternalLink, FastForward } from 'lucide-react';
import { type ReactNode } from 'react';
import { CopyButton } from './CopyButton.tsx';
import { ErrorView } from './ErrorView.tsx';
import { LogLine } from '../invocations/LogLine.tsx';
import { JsonView } from './JsonView.tsx';
import { isDone, type OperationView } from './model.ts';
import { operationLook, typeLabel } from './status-look.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { formatAgo, formatCountdown, formatDuration, formatExact } from './time-format.ts';
import { TypeIcon } from './TypeIcon.tsx';

interface Props {
  op: OperationView | undefined;
  nowMs: number;
  logs?: readonly string[] | undefined;
  /** What a step's attempts wrote to the console (runtime lines), when the host keeps the execution's invocations. */
  consoleLines?: readonly string[] | undefined;
  /** Callback actions, skip, or nothing when read-only. */
  actions?: ReactNode;
  onOpenExecution?: ((arn: string) => void) | undefined;
}

function Time({ ms, nowMs }: { ms: number | undefined; nowMs: number }) {
  if (ms === undefined) return <span className="tone-text--stopped">—</span>;
  return <span title={formatExact(ms)}>{formatAgo(ms, nowMs)} · <span className="mono">{formatExact(ms).slice(11)}</span></span>;
}

function Attempts({ op, nowMs }: { op: OperationView; nowMs: number }) {
  if (op.attempts.length === 0) return null;
  return (
    <div className="inspector__section" data-testid="inspector-attempts">
      <div className="inspector__section-title">Attempts ({op.attempts.length})</div>
      <ol className="attempts">
        {op.attempts.map((a) => (
          <li key={a.number} className="attempt" data-testid="attempt-row" data-status={a.status}>
            <div className="attempt__line">
              <span className="attempt__number mono">#{a.number}</span>
              <StatusBadge {...operationLook('STEP', a.status)} />
              <span className="mono" title={formatExact(a.startMs)}>
                {formatExact(a.startMs).slice(11)}
              </span>
              <span className="mono tone-text--stopped">{formatDuration((a.endMs ?? nowMs) - a.startMs)}</span>
              {a.skipped === true && (
                <span className="badge" title="The delay before this attempt was skipped on the virtual clock">
                  delay skipped
                </span>
              )}
            </div>
            {a.error !== undefined && <ErrorView error={a.error} />}
            {a.nextDelaySeconds !== undefined && <div className="attempt__note">Retried after {formatDuration(a.nextDelaySeconds * 1000)}</div>}
          </li>
        ))}
      </ol>
      {op.status === 'PENDING' && op.nextAttemptMs !== undefined && (
        <div className="inspector__sub" data-testid="inspector-next-attempt">
          Attempt {op.attempts.length + 1} {formatCountdown(op.nextAttemptMs, nowMs)} ({formatExact(op.nextAttemptMs)})
        </div>
      )}
    </div>
  );
}

/** Everything about the selected operation: what went in, what came out, when, and each attempt. */
export function Inspector({ op, nowMs, logs, consoleLines, actions, onOpenExecution }: Props) {
  if (op === undefined) {
    return (
      <aside className="inspector" data-testid="inspector">
        <p className="inspector__empty">Select an operation in the timeline to see its input, result or error, timings and attempts. Arrow keys move between rows.</p>
      </aside>
    );
  }
  const look = operationLook(op.type, op.status);
  const end = op.endMs;
  return (
    <aside className="inspector" data-testid="inspector" data-operation={op.name}>
      <h3 className="inspector__title">
        <TypeIcon type={op.type} subType={op.subType} />
        <span>{op.name}</span>
      </h3>
      <div className="inspector__sub">
        {typeLabel(op.type, op.subType)} · <span className="mono">{op.id}</span> <CopyButton text={op.id} label="Copy operation id" />
      </div>
      <StatusBadge {...look} testId="inspector-status" />
      {actions !== undefined && actions !== null && <div className="inspector__actions">{actions}</div>}
      <dl className="facts inspector__section">
        <dt>Started</dt>
        <dd>
          <Time ms={op.startMs} nowMs={nowMs} />
        </dd>
        <dt>Ended</dt>
        <dd>
          <Time ms={end} nowMs={nowMs} />
        </dd>
        <dt>Duration</dt>
        <dd className="mono">{formatDuration((end ?? nowMs) - op.startMs)}{end === undefined ? ' so far' : ''}</dd>
        {op.scheduledEndMs !== undefined && (
          <>
            <dt>Scheduled end</dt>
            <dd>
              <span className="mono">{formatExact(op.scheduledEndMs)}</span>
              {!isDone(op.status) && <span className="tone-text--pending"> · {formatCountdown(op.scheduledEndMs, nowMs)}</span>}
              {op.skipped === true && <span className="badge"> skipped</span>}
            </dd>
          </>
        )}
        {op.callbackId !== undefined && (
          <>
            <dt>Callback id</dt>
            <dd className="mono" data-testid="inspector-callback-id">
              {op.callbackId.length > 48 ? `${op.callbackId.slice(0, 44)}…` : op.callbackId} <CopyButton text={op.callbackId} label="Copy callback id" />
            </dd>
          </>
        )}
        {op.timeoutMs !== undefined && !isDone(op.status) && (
          <>
            <dt>Times out</dt>
            <dd className="tone-text--pending">{formatCountdown(op.timeoutMs, nowMs)}</dd>
          </>
        )}
        {op.heartbeatTimeoutSeconds !== undefined && (
          <>
            <dt>Heartbeat</dt>
            <dd>every {formatDuration(op.heartbeatTimeoutSeconds * 1000)} at most</dd>
          </>
        )}
        {op.chainedFunction !== undefined && (
          <>
            <dt>Invokes</dt>
            <dd className="mono">{op.chainedFunction}</dd>
          </>
        )}
      </dl>
      {op.chainedExecutionArn !== undefined && onOpenExecution !== undefined && (
        <button className="button button--small" onClick={() => onOpenExecution(op.chainedExecutionArn!)} data-testid="open-child-execution">
          <ExternalLink size={12} /> Open the child execution
        </button>
      )}
      {op.skipped === true && (
        <div className="inspector__sub">
          <FastForward size={12} aria-hidden /> Fast-forwarded on the virtual clock.
        </div>
      )}
      <JsonView text={op.input} label="Input" testId="inspector-input" />
      <JsonView text={op.result} label={op.type === 'CALLBACK' ? 'Callback result' : 'Result'} testId="inspector-result" />
      {op.error !== undefined && (
        <div className="inspector__section">
          <div className="inspector__section-title">Error</div>
          <ErrorView error={op.error} testId="inspector-error" />
        </div>
      )}
      <Attempts op={op} nowMs={nowMs} />
      {((logs !== undefined && logs.length > 0) || (consoleLines !== undefined && consoleLines.length > 0)) && (
        <div className="inspector__section">
          <div className="inspector__section-title">Log lines</div>
          <div data-testid="inspector-logs">
            {logs !== undefined && logs.length > 0 && <pre className="log-lines mono">{logs.join('\n')}</pre>}
            {consoleLines !== undefined && consoleLines.length > 0 && (
              <pre className="invoke-logs inspector__console" title="Written while its attempts ran, since the invocation's previous checkpoint">
                {consoleLines.map((line, i) => (
                  <LogLine key={i} line={line} testId="inspector-console-line" />
                ))}
              </pre>
            )}
          </div>
        </div>
      )}
    </aside>
  );
}
