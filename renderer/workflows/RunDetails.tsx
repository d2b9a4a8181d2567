import { ErrorView } from '../executions/ErrorView.tsx';
import { JsonView } from '../executions/JsonView.tsx';
import { formatDuration, formatExact } from '../executions/time-format.ts';
import { RunLine } from './BlockCard.tsx';
import type { BlockRun } from './run-state.ts';

/** What passed through a block in the run shown: input, output or error, whole and copyable. */
export function RunDetails({ run }: { run: BlockRun | undefined }) {
  if (run === undefined) return <p className="inspector__empty">This block is not part of the run shown.</p>;
  return (
    <div data-testid="inspector-run">
      <RunLine run={run} />
      {run.startMs !== undefined && (
        <dl className="facts">
          <dt>Started</dt>
          <dd title={formatExact(run.startMs)}>{new Date(run.startMs).toLocaleTimeString()}</dd>
          {run.endMs !== undefined && (
            <>
              <dt>Took</dt>
              <dd className="mono">{formatDuration(run.endMs - run.startMs)}</dd>
            </>
          )}
          {run.branch !== undefined && (
            <>
              <dt>Branch taken</dt>
              <dd className="mono">{run.branch}</dd>
            </>
          )}
        </dl>
      )}
      <JsonView text={run.input} label="Input" testId="inspector-run-input" />
      <JsonView text={run.output} label="Output" testId="inspector-run-output" />
      {run.result !== undefined && (
        <>
          <JsonView text={run.result} label="Function result" testId="inspector-run-result" />
          <p className="field__hint">The block’s return and catch rules shape its output from this; the run’s history does not record what they made.</p>
        </>
      )}
      {run.error !== undefined && (
        <div className="json-view">
          <div className="json-view__head">
            <span className="json-view__label">Error</span>
          </div>
          <ErrorView error={run.error} testId="inspector-run-error" />
        </div>
      )}
      {run.input === undefined && run.output === undefined && run.result === undefined && run.error === undefined && <p className="inspector__empty">Nothing has passed through it yet.</p>}
    </div>
  );
}
