import { CalendarClock, Play } from 'lucide-react';
import { useMemo, useState } from 'react';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import type { ConfigFormValues, FieldErrors } from './config-form.ts';
import { scheduleView, utcLabel } from './schedule-times.ts';
import './http-endpoint.css';

interface Props {
  fn: string;
  values: ConfigFormValues;
  errors: FieldErrors;
  /** The saved file runs this schedule already (so Run now works). */
  running: boolean;
  update: (patch: Partial<ConfigFormValues>) => void;
}

/** "Schedule": an EventBridge rate or cron expression, checked as it is typed, with the next five times it fires. */
export function ScheduleSection({ fn, values, errors, running, update }: Props) {
  // Counted from when the section opened: the list is a preview, not a clock.
  const [openedAt] = useState(() => Date.now());
  const view = useMemo(() => scheduleView(values.scheduleExpression, openedAt), [values.scheduleExpression, openedAt]);
  const [fired, setFired] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const problem = errors.scheduleExpression ?? (view.ok === false ? view.error : undefined);
  const runNow = async () => {
    setFailure(null);
    try {
      await api().call('schedules.fireNow', { functionName: fn });
      setFired(new Date().toLocaleTimeString());
    } catch (error) {
      setFailure(toFailure(error, 'Could not run the schedule now'));
    }
  };
  return (
    <section className="form-section" data-testid="cfg-schedule-section">
      <h3 className="form-section__title">Schedule</h3>
      <label className="checkbox">
        <input type="checkbox" checked={values.scheduleEnabled} onChange={(e) => update({ scheduleEnabled: e.target.checked })} data-testid="cfg-schedule" />
        <span>
          Run on a schedule <span className="muted">— as an EventBridge rule would, with the scheduled event, while the studio runs.</span>
        </span>
      </label>
      {values.scheduleEnabled && (
        <div className="http-endpoint">
          <label className="field field--wide">
            <span className="field__label">Expression (UTC)</span>
            <input
              className={`input mono${problem !== undefined ? ' is-invalid' : ''}`}
              value={values.scheduleExpression}
              placeholder="rate(5 minutes) or cron(0 12 * * ? *)"
              spellCheck={false}
              onChange={(e) => update({ scheduleExpression: e.target.value })}
              aria-invalid={problem !== undefined}
              data-testid="cfg-schedule-expression"
            />
            {problem !== undefined ? (
              <span className="field__hint is-error" role="alert" data-testid="cfg-error-scheduleExpression">
                {problem}
              </span>
            ) : (
              <span className="field__hint">rate(value unit) or cron(Minutes Hours Day-of-month Month Day-of-week Year), as EventBridge takes them.</span>
            )}
          </label>
          {view.ok === true && (
            <div className="schedule-times" data-testid="cfg-schedule-next">
              <span className="field__label">
                <CalendarClock size={13} aria-hidden /> Next five times
              </span>
              <ol>
                {view.times.map((t) => (
                  <li key={t} className="mono" title={new Date(t).toLocaleString()}>
                    {utcLabel(t)}
                  </li>
                ))}
              </ol>
            </div>
          )}
          <div className="schedule-run">
            <button type="button" className="button button--small" disabled={!running} onClick={() => void runNow()} data-testid="cfg-schedule-run-now">
              <Play size={12} /> Run now
            </button>
            <span className="muted" data-testid="cfg-schedule-run-note">
              {!running ? 'Save to start the schedule.' : fired === null ? 'Runs the function now, with a scheduled event for this moment.' : `Ran at ${fired}; it is listed, with its log, under Invocations.`}
            </span>
          </div>
          {failure !== null && <ErrorMessage failure={failure} />}
        </div>
      )}
    </section>
  );
}
