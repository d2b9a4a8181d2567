import { CircleCheck } from 'lucide-react';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { StepRows } from './DeploySteps.tsx';
import { deployedLines, functionLabel } from './workflow-deploy-model.ts';
import type { WorkflowDeployRun } from './workflow-deploy-store.ts';
import type { StepRow } from './deploy-model.ts';

const groupDone = (rows: readonly StepRow[]): boolean => rows.length > 0 && rows.every((r) => r.status === 'done');

/** A workflow deploy as it goes: each function's steps under its name, then what was published. */
export function WorkflowDeploySteps({ run }: { run: WorkflowDeployRun }) {
  const failedStep = run.groups.some((g) => g.rows.some((r) => r.status === 'failed'));
  return (
    <div className="deploy-steps" data-testid="deploy-steps" data-state={run.running ? 'running' : run.result !== null ? 'done' : 'failed'}>
      {run.groups.length === 0 && run.running && <StepRows rows={[]} starting />}
      {run.groups.map((group, i) =>
        // A function whose steps are all done folds to one line; the one in progress or failed stays open.
        groupDone(group.rows) && (!run.running || i < run.groups.length - 1) ? (
          <details key={group.fn} className="deploy-group" data-testid="deploy-group" data-function={group.fn} data-done="true">
            <summary className="deploy-group__summary">
              <CircleCheck size={14} className="tone-success" aria-hidden />
              <span className="mono deploy-group__name">{functionLabel(group.fn)}</span>
              <span className="field__hint">{group.rows.length} steps done</span>
            </summary>
            <StepRows rows={group.rows} starting={false} />
          </details>
        ) : (
          <section key={group.fn} className="deploy-group" data-testid="deploy-group" data-function={group.fn}>
            <h3 className="deploy-group__title mono">{functionLabel(group.fn)}</h3>
            <StepRows rows={group.rows} starting={false} />
          </section>
        ),
      )}
      {run.failure !== null && !failedStep && <ErrorMessage failure={run.failure} testId="deploy-failure" />}
      {run.failure !== null && failedStep && <p className="field__hint is-error">{run.failure.message}</p>}
      {run.result !== null && (
        <div className="deploy-steps__done" data-testid="deploy-done">
          <CircleCheck size={14} className="tone-success" aria-hidden />
          <div>
            <span>
              Deployed; alias <span className="mono">live</span> of each points at the new version.
            </span>
            <ul className="deploy-result">
              {deployedLines(run.result).map((line) => (
                <li key={line.fn} data-testid="deploy-result-row" data-function={line.fn}>
                  <span className="deploy-result__name">{line.label}</span>
                  <b className="mono">v{line.version}</b>
                  <span className="mono deploy-result__arn" title={line.aliasArn}>
                    {line.aliasArn}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
