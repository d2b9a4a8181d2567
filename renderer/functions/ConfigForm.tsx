import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { FunctionConfig } from '../../shared/workspace/function-config.ts';
import { api } from '../api/api.ts';
import { CONFIG_FILE, useEditor } from '../editor/editor-store.ts';
import { DockerEngineNotice } from './DockerEngineNotice.tsx';
import { getModel, modelUri } from '../editor/models.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { formatSeconds } from '../executions/time-format.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { shortcutLabel } from '../shell/shortcuts.ts';
import { configToForm, formToConfig, newEnvRow, RUNNERS, runtimesFor, sameForm, type ConfigFormValues, type FieldErrors, type FieldName } from './config-form.ts';
import { configToText } from './config-text.ts';
import { setPendingFormText } from './form-bridge.ts';
import { draftFor, dropDraft, keepDraft } from './form-drafts.ts';
import { HttpEndpointSection } from './HttpEndpointSection.tsx';
import { ScheduleSection } from './ScheduleSection.tsx';
import { useWorkspace } from './workspace-store.ts';

function FieldError({ errors, name }: { errors: FieldErrors; name: FieldName | `env:${string}` }) {
  const message = errors[name];
  if (message === undefined) return null;
  return (
    <span className="field__hint is-error" role="alert" data-testid={`cfg-error-${name.startsWith('env:') ? 'env' : name}`}>
      {message}
    </span>
  );
}

interface NumberFieldProps {
  label: string;
  unit: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  name: FieldName;
  hint: string;
  testId: string;
}

function NumberField({ label, unit, value, onChange, errors, name, hint, testId }: NumberFieldProps) {
  const invalid = errors[name] !== undefined;
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <span className="input-with-unit">
        <input className={`input mono${invalid ? ' is-invalid' : ''}`} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} data-testid={testId} />
        <span className="input-unit">{unit}</span>
      </span>
      {invalid ? <FieldError errors={errors} name={name} /> : <span className="field__hint">{hint}</span>}
    </label>
  );
}

/** function.json as a form, checked with the contract's schema before anything is written. */
export function ConfigForm({ name, initial, baseText }: { name: string; initial: FunctionConfig; baseText: string }) {
  const [start] = useState(() => configToForm(initial));
  const [values, setValues] = useState<ConfigFormValues>(() => draftFor(name, baseText) ?? start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const setFormDirty = useEditor((s) => s.setFormDirty);
  const setFormSaver = useEditor((s) => s.setFormSaver);
  const applyDetail = useEditor((s) => s.applyDetail);
  const files = useEditor((s) => s.files);
  const dirty = !sameForm(values, start);

  useEffect(() => setFormDirty(dirty), [dirty, setFormDirty]);

  const update = (patch: Partial<ConfigFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    // Re-check live once the person has seen errors, so a fixed field clears right away.
    if (Object.keys(errors).length > 0) {
      const result = formToConfig(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  useEffect(() => {
    const save = async (): Promise<boolean> => {
      const result = formToConfig(values);
      if (!result.ok) {
        setErrors(result.errors);
        return false;
      }
      setErrors({});
      setFailure(null);
      setSaving(true);
      try {
        const detail = await api().call('functions.saveConfig', { name, config: result.config });
        applyDetail(detail);
        void useWorkspace.getState().refresh();
        return true;
      } catch (error) {
        setFailure(toFailure(error, 'Could not save function.json'));
        return false;
      } finally {
        setSaving(false);
      }
    };
    setFormSaver(save);
    setPendingFormText(() => {
      const result = formToConfig(values);
      if (!result.ok) {
        setErrors(result.errors);
        return null;
      }
      return configToText(result.config);
    });
  }, [name, values, applyDetail, setFormSaver]);

  // Edits outlive the form: kept as a draft when it leaves the screen, restored when it returns.
  const latest = useRef({ values, dirty });
  useEffect(() => {
    latest.current = { values, dirty };
  });
  useEffect(
    () => () => {
      setFormSaver(null);
      setPendingFormText(null);
      // A draft over text that has since changed (saved, reloaded) would be stale.
      const current = getModel(modelUri(name, CONFIG_FILE))?.getValue() === baseText;
      if (latest.current.dirty && current) keepDraft(name, { baseText, values: latest.current.values });
      else dropDraft(name);
      if (useEditor.getState().fn === name) setFormDirty(latest.current.dirty && current);
    },
    [name, baseText, setFormSaver, setFormDirty],
  );

  const setEnv = (id: string, patch: { key?: string; value?: string }) => update({ env: values.env.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
  const hasErrors = Object.keys(errors).length > 0;
  const runtimes = runtimesFor(files, values.runtime);

  return (
    <form
      className="config-form"
      data-testid="config-form"
      onSubmit={(e) => {
        e.preventDefault();
        void useEditor.getState().save();
      }}
    >
      {failure !== null && <ErrorMessage failure={failure} testId="cfg-save-error" />}
      {hasErrors && (
        <div className="banner banner--error" data-testid="cfg-invalid">
          Nothing was saved: {Object.keys(errors).length === 1 ? 'one field needs' : `${Object.keys(errors).length} fields need`} a fix (marked below).
          {errors.form !== undefined && <span className="mono"> {errors.form}</span>}
        </div>
      )}

      <section className="form-section">
        <h3 className="form-section__title">Function</h3>
        <div className="form-grid">
          <label className="field">
            <span className="field__label">Runtime</span>
            <select className="input" value={values.runtime} onChange={(e) => update({ runtime: e.target.value as ConfigFormValues['runtime'] })} data-testid="cfg-runtime">
              {runtimes.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <span className="field__hint">As Lambda names it.</span>
          </label>
          <label className="field">
            <span className="field__label">Handler</span>
            <input className={`input mono${errors.handler ? ' is-invalid' : ''}`} value={values.handler} spellCheck={false} onChange={(e) => update({ handler: e.target.value })} data-testid="cfg-handler" />
            {errors.handler ? <FieldError errors={errors} name="handler" /> : <span className="field__hint">file.export, e.g. index.handler</span>}
          </label>
          <label className="field field--wide">
            <span className="field__label">Description</span>
            <input className={`input${errors.description ? ' is-invalid' : ''}`} value={values.description} placeholder="Optional" onChange={(e) => update({ description: e.target.value })} data-testid="cfg-description" />
            <FieldError errors={errors} name="description" />
          </label>
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">Resources</h3>
        <div className="form-grid">
          <NumberField label="Memory" unit="MB" name="memorySize" value={values.memorySize} onChange={(memorySize) => update({ memorySize })} errors={errors} hint="128 to 10240 MB" testId="cfg-memory" />
          <NumberField
            label="Timeout"
            unit="s"
            name="timeout"
            value={values.timeout}
            onChange={(timeout) => update({ timeout })}
            errors={errors}
            hint={`1 to 900 s per invocation${Number(values.timeout) >= 60 ? ` (${formatSeconds(Number(values.timeout))})` : ''}`}
            testId="cfg-timeout"
          />
        </div>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">Environment variables</h3>
        {values.env.length === 0 && <p className="panel-note">No variables. Add one for settings your handler reads from process.env.</p>}
        <div className="env-rows">
          {values.env.map((row, index) => (
            <div className="env-row" key={row.id} data-testid="cfg-env-row">
              <input
                className={`input mono${errors[`env:${row.id}`] ? ' is-invalid' : ''}`}
                placeholder="NAME"
                value={row.key}
                spellCheck={false}
                onChange={(e) => setEnv(row.id, { key: e.target.value })}
                aria-label={`Variable ${index + 1} name`}
                data-testid={`cfg-env-key-${index}`}
              />
              <span className="env-row__eq">=</span>
              <input className="input mono" placeholder="value" value={row.value} spellCheck={false} onChange={(e) => setEnv(row.id, { value: e.target.value })} aria-label={`Variable ${index + 1} value`} data-testid={`cfg-env-value-${index}`} />
              <button type="button" className="icon-button" aria-label={`Remove ${row.key || 'variable'}`} onClick={() => update({ env: values.env.filter((r) => r.id !== row.id) })} data-testid={`cfg-env-remove-${index}`}>
                <Trash2 size={14} />
              </button>
              <FieldError errors={errors} name={`env:${row.id}`} />
            </div>
          ))}
        </div>
        <button type="button" className="button button--small" onClick={() => update({ env: [...values.env, newEnvRow()] })} data-testid="cfg-env-add">
          <Plus size={13} /> Add variable
        </button>
      </section>

      <section className="form-section">
        <h3 className="form-section__title">Durable execution</h3>
        <label className="checkbox">
          <input type="checkbox" checked={values.durableEnabled} onChange={(e) => update({ durableEnabled: e.target.checked })} data-testid="cfg-durable" />
          <span>
            Durable function <span className="muted">— steps are checkpointed, so it can wait and resume for up to a year.</span>
          </span>
        </label>
        {values.durableEnabled && (
          <div className="form-grid">
            <NumberField
              label="Execution timeout"
              unit="s"
              name="executionTimeout"
              value={values.executionTimeout}
              onChange={(executionTimeout) => update({ executionTimeout })}
              errors={errors}
              hint={`Whole execution, all invocations: 1 s to 1 year${Number(values.executionTimeout) > 0 ? ` (${formatSeconds(Number(values.executionTimeout))})` : ''}`}
              testId="cfg-exec-timeout"
            />
            <NumberField label="Keep history" unit="days" name="retentionPeriodInDays" value={values.retentionPeriodInDays} onChange={(retentionPeriodInDays) => update({ retentionPeriodInDays })} errors={errors} hint="1 to 90 days after it ends" testId="cfg-retention" />
          </div>
        )}
      </section>

      <HttpEndpointSection fn={name} values={values} errors={errors} serving={initial.triggers?.http?.enabled === true} update={update} />

      <ScheduleSection fn={name} values={values} errors={errors} running={initial.triggers?.schedule?.enabled === true && initial.triggers.schedule.expression === values.scheduleExpression.trim()} update={update} />

      <section className="form-section">
        <h3 className="form-section__title">Run locally with</h3>
        <div className="radio-row" role="radiogroup">
          {RUNNERS.map((runner) => (
            <label key={runner} className="checkbox">
              <input type="radio" name="runner" checked={values.runner === runner} onChange={() => update({ runner })} data-testid={`cfg-runner-${runner}`} />
              <span>{runner === 'process' ? 'A process (no Docker needed)' : 'Docker (the Lambda base image)'}</span>
            </label>
          ))}
        </div>
        {values.runner === 'docker' && <DockerEngineNotice />}
        {(values.runner === 'docker' || values.image !== '') && (
          <label className="field field--wide">
            <span className="field__label">Image</span>
            <input className={`input mono${errors.image ? ' is-invalid' : ''}`} value={values.image} placeholder="Default for the runtime (used by the Docker runner)" onChange={(e) => update({ image: e.target.value })} data-testid="cfg-image" />
            <FieldError errors={errors} name="image" />
          </label>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!dirty || saving} data-testid="cfg-save">
          {saving ? 'Saving…' : 'Save'} <kbd className="kbd kbd--on-primary">{shortcutLabel('save')}</kbd>
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty}
          onClick={() => {
            setValues(start);
            setErrors({});
          }}
          data-testid="cfg-revert"
        >
          Revert
        </button>
        {!dirty && <span className="muted">All changes saved.</span>}
      </div>
    </form>
  );
}
