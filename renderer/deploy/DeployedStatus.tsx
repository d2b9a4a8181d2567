import { Cloud, RefreshCw, TriangleAlert } from 'lucide-react';
import { useEffect } from 'react';
import { formatAgo, formatExact } from '../executions/time-format.ts';
import { useNow } from '../executions/useNow.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useTargets } from '../targets/target-store.ts';
import { problemSummary } from '../targets/target-model.ts';
import { useDeploy } from './deploy-store.ts';
import { statusLine } from './deploy-model.ts';

/** Where a function is deployed, per AWS target: version, live alias, last change, and whether the workspace moved on since. */
export function DeployedStatus({ fn }: { fn: string }) {
  const status = useDeploy((s) => s.status[fn]);
  const targets = useTargets((s) => s.targets);
  const now = useNow(true, 30_000);
  useEffect(() => {
    void useDeploy.getState().loadStatus(fn);
  }, [fn]);
  return (
    <section className="deployed" data-testid="deployed-status">
      <div className="deployed__head">
        <span className="field__label">Deployed</span>
        <button className="icon-button" onClick={() => void useDeploy.getState().loadStatus(fn)} aria-label="Check again where it is deployed" title="Check again" disabled={status?.loading === true} data-testid="deployed-refresh">
          <RefreshCw size={12} className={status?.loading === true ? 'spin' : undefined} />
        </button>
      </div>
      {status?.failure != null && <ErrorMessage failure={status.failure} testId="deployed-failure" />}
      {status !== undefined && status.failure === null && status.targets.length === 0 && !status.loading && <p className="field__hint">No AWS target yet: add one in Settings.</p>}
      <ul className="deployed__list">
        {status?.targets.map((t) => {
          const profile = targets.find((x) => x.id === t.target)?.profile;
          const problem = t.problem === undefined ? undefined : problemSummary(t.problem, profile);
          return (
            <li key={t.target} className="deployed__row" data-testid="deployed-row" data-target={t.target} data-deployed={t.deployed}>
              <Cloud size={13} aria-hidden />
              <span className="deployed__target">{t.target}</span>
              <span className="mono" data-testid="deployed-line">
                {statusLine(t)}
              </span>
              {t.lastModified !== undefined && (
                <span className="field__hint" title={formatExact(Date.parse(t.lastModified))}>
                  changed {formatAgo(Date.parse(t.lastModified), now)}
                </span>
              )}
              {t.differs === true && (
                <span className="badge badge--warning" title="The bundle the workspace builds now is not the deployed code" data-testid="deployed-differs">
                  <TriangleAlert size={11} aria-hidden /> local code differs
                </span>
              )}
              {problem !== undefined && (
                <span className="deployed__problem tone-error">
                  {problem.headline}
                  {problem.command !== undefined && (
                    <>
                      {' '}
                      Run <code className="mono">{problem.command}</code>.
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
