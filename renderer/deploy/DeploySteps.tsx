import { CircleCheck, CircleX, Lightbulb, LoaderCircle } from 'lucide-react';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import type { DeployRun } from './deploy-store.ts';
import { STEP_LABELS, type StepRow } from './deploy-model.ts';

const STATUS_WORDS = { running: 'in progress', done: 'done', failed: 'failed' } as const;

/** Each step with a spinner, a tick or a cross, and a failed step's AWS error with what to do. */
export function StepRows({ rows, starting }: { rows: readonly StepRow[]; starting: boolean }) {
  return (
    <ol className="deploy-steps__list">
      {rows.length === 0 && starting && (
        <li className="deploy-step">
          <LoaderCircle size={14} className="spin tone-info" aria-hidden /> Starting…
        </li>
      )}
      {rows.map((row) => (
        <li key={row.step} className={`deploy-step deploy-step--${row.status}`} data-testid="deploy-step" data-step={row.step} data-status={row.status}>
          <span className="deploy-step__line">
            {row.status === 'running' && <LoaderCircle size={14} className="spin tone-info" aria-hidden />}
            {row.status === 'done' && <CircleCheck size={14} className="tone-success" aria-hidden />}
            {row.status === 'failed' && <CircleX size={14} className="tone-error" aria-hidden />}
            <span className="deploy-step__label">{STEP_LABELS[row.step]}</span>
            <span className="visually-hidden">{STATUS_WORDS[row.status]}</span>
            {row.message !== undefined && <span className="deploy-step__message mono">{row.message}</span>}
          </span>
          {row.error !== undefined && (
            <div className="deploy-step__error" data-testid="deploy-error">
              <span>{row.error.message}</span>
              <span className="deploy-step__advice">
                <Lightbulb size={13} aria-hidden /> {row.error.advice}
              </span>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A deploy as it goes: its steps, then the version published or why it failed. */
export function DeploySteps({ run }: { run: DeployRun }) {
  const failedStep = run.rows.some((r) => r.status === 'failed');
  return (
    <div className="deploy-steps" data-testid="deploy-steps" data-state={run.running ? 'running' : run.result !== null ? 'done' : 'failed'}>
      <StepRows rows={run.rows} starting={run.running} />
      {/* A failure no step carries (bad input, the host down) still gets its sentence. */}
      {run.failure !== null && !failedStep && <ErrorMessage failure={run.failure} testId="deploy-failure" />}
      {run.result !== null && (
        <p className="deploy-steps__done" data-testid="deploy-done">
          <CircleCheck size={14} className="tone-success" aria-hidden />
          <span>
            Deployed version <b className="mono">{run.result.version}</b>; alias <span className="mono">live</span> points at it.
          </span>
        </p>
      )}
    </div>
  );
}
