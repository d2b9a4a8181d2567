import { ArrowLeft, Bug, FastForward, FileWarning, RotateCcw, Square } from 'lucide-react';
import { retryWords } from '../invoke/invoke-outcome.ts';
import { ConsoleLink } from '../targets/ConsoleLink.tsx';
import { TargetChip } from '../targets/TargetChip.tsx';
import { CopyButton } from './CopyButton.tsx';
import { ErrorView } from './ErrorView.tsx';
import { JsonView } from './JsonView.tsx';
import type { ExecutionView } from './model.ts';
import { executionLook } from './status-look.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { executionTitle } from './execution-label.ts';
import { confirmStop } from './timer-actions.ts';
import { useInvocationRetry } from './useInvocationRetry.ts';
import { formatAgo, formatDuration, formatExact } from './time-format.ts';

interface Props {
  execution: ExecutionView;
  nowMs: number;
  offlineName: string | null;
  onBack(): void;
  onStop(): void;
  /** Absent where an execution cannot be started again from here (an AWS target). */
  onRerun?: (() => void) | undefined;
  onSkip?: (() => void) | undefined;
  /** Replays the execution with the workspace's code as a new local execution. */
  onDebugLocally?: (() => void) | undefined;
}

/** Name, ARN, status, times, version, input and outcome of one execution. */
export function ExecutionHeader({ execution: e, nowMs, offlineName, onBack, onStop, onRerun, onSkip, onDebugLocally }: Props) {
  const look = executionLook(e.status);
  const live = offlineName === null;
  const retry = useInvocationRetry(e.arn, live && e.status === 'RUNNING');
  const retryText = retry === undefined ? undefined : retryWords(retry, nowMs);
  return (
    <>
      {!live && (
        <div className="readonly-banner" data-testid="offline-banner">
          <FileWarning size={13} aria-hidden /> Viewing {offlineName} offline, read-only: nothing here can be sent to an execution.
        </div>
      )}
      <header className="exec-header" data-testid="execution-header">
        <div className="exec-header__top">
          <button className="icon-button" onClick={onBack} aria-label="Back to all executions" title="All executions" data-testid="execution-back">
            <ArrowLeft size={15} />
          </button>
          <h2 className="exec-header__name mono" data-testid="execution-name">
            {e.name}
          </h2>
          <StatusBadge {...look} testId="execution-status" />
          <span className="exec-toolbar__spacer" />
          {live && e.status === 'RUNNING' && onSkip !== undefined && (
            <button className="button button--small" onClick={onSkip} title="Fire the next wait, retry delay or callback timeout now (virtual clock); one that fails the execution is named and asked about first" data-testid="execution-skip">
              <FastForward size={12} /> Skip to next timer
            </button>
          )}
          {live && e.status === 'RUNNING' && (
            <button className="button button--small" onClick={() => void confirmStop([executionTitle(e.name, e.input)]).then((yes) => yes && onStop())} data-testid="execution-stop-detail">
              <Square size={11} /> Stop
            </button>
          )}
          {live && onDebugLocally !== undefined && (
            <button
              className="button button--small"
              onClick={onDebugLocally}
              title="Run the workspace's code of this function as a new local execution, starting from the operations this one recorded: what completed is not run again"
              data-testid="execution-debug-locally"
            >
              <Bug size={12} /> Debug locally
            </button>
          )}
          {live && onRerun !== undefined && (
            <button className="button button--small" onClick={onRerun} title="Start a new execution with the same input" data-testid="execution-rerun-detail">
              <RotateCcw size={11} /> Re-run
            </button>
          )}
        </div>
        {retryText !== undefined && (
          <div className="exec-header__retry" role="status" data-testid="execution-retrying">
            <RotateCcw size={12} aria-hidden /> <b>Retrying:</b> {retryText.failed}
            {retryText.error !== undefined && <span className="mono"> with {retryText.error}</span>}. {retryText.next}
          </div>
        )}
        <div className="exec-header__facts">
          <span className="exec-header__arn" title={e.arn}>
            <span className="mono" data-testid="execution-arn">
              {e.arn}
            </span>
            <CopyButton text={e.arn} label="Copy the ARN" testId="copy-arn" />
          </span>
          {live && <TargetChip />}
          {live && <ConsoleLink arn={e.arn} functionArn={e.functionArn} />}
          <span>
            Function <b>{e.functionName}</b>
            {e.version !== undefined && (
              <>
                {' '}
                version <b className="mono">{e.version}</b>
              </>
            )}
          </span>
          <span title={formatExact(e.startMs)}>
            Started <b>{formatAgo(e.startMs, nowMs)}</b>
          </span>
          {e.endMs !== undefined && (
            <span title={formatExact(e.endMs)}>
              Ended <b>{formatAgo(e.endMs, nowMs)}</b>
            </span>
          )}
          <span>
            Duration <b className="mono" data-testid="execution-duration">{formatDuration((e.endMs ?? nowMs) - e.startMs)}</b>
            {e.endMs === undefined ? ' so far' : ''}
          </span>
        </div>
        <div className="exec-header__outcome">
          <JsonView text={e.input} label="Input" testId="execution-input" />
          {e.result !== undefined && <JsonView text={e.result} label="Result" testId="execution-result" />}
          {e.error !== undefined && (
            <div className="json-view">
              <div className="json-view__head">
                <span className="json-view__label">Error</span>
              </div>
              <ErrorView error={e.error} testId="execution-error" />
            </div>
          )}
        </div>
      </header>
    </>
  );
}
