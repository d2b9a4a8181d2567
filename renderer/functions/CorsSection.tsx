import { CORS_METHODS } from '../../shared/workspace/url-cors.ts';
import type { ConfigFormValues, FieldErrors, FieldName } from './config-form.ts';

interface Props {
  values: ConfigFormValues;
  errors: FieldErrors;
  update: (patch: Partial<ConfigFormValues>) => void;
}

interface ListFieldProps {
  label: string;
  name: FieldName;
  value: string;
  placeholder: string;
  hint: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
  wide?: boolean;
}

function ListField({ label, name, value, placeholder, hint, errors, onChange, wide = false }: ListFieldProps) {
  const problem = errors[name];
  return (
    <label className={`field${wide ? ' field--wide' : ''}`}>
      <span className="field__label">{label}</span>
      <input
        className={`input mono${problem !== undefined ? ' is-invalid' : ''}`}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem !== undefined}
        data-testid={`cfg-${name}`}
      />
      {problem !== undefined ? (
        <span className="field__hint is-error" role="alert" data-testid={`cfg-error-${name}`}>
          {problem}
        </span>
      ) : (
        <span className="field__hint">{hint}</span>
      )}
    </label>
  );
}

/**
 * "CORS": the function URL's cross-origin settings, as Lambda's `Cors`, so a web app on another
 * origin can call the URL from a browser. The URL answers the preflight itself.
 */
export function CorsSection({ values, errors, update }: Props) {
  const toggleMethod = (method: string, on: boolean) =>
    update({ corsMethods: on ? CORS_METHODS.filter((m) => m === method || values.corsMethods.includes(m)) : values.corsMethods.filter((m) => m !== method) });
  const maxAgeProblem = errors.corsMaxAge;
  return (
    <div className="url-cors" data-testid="cfg-cors-section">
      <label className="checkbox">
        <input type="checkbox" checked={values.corsEnabled} onChange={(e) => update({ corsEnabled: e.target.checked })} data-testid="cfg-cors" />
        <span>
          Allow browsers on other origins (CORS) <span className="muted">— the URL answers the preflight itself and adds the Access-Control headers, as a function URL’s Cors does.</span>
        </span>
      </label>
      {values.corsEnabled && (
        <div className="form-grid url-cors__grid">
          <ListField
            wide
            label="Allowed origins"
            name="corsOrigins"
            value={values.corsOrigins}
            placeholder="http://localhost:3000, https://app.example.com"
            hint="Comma-separated, scheme://host:port with no path; * allows any origin."
            errors={errors}
            onChange={(corsOrigins) => update({ corsOrigins })}
          />
          <fieldset className="field field--wide url-cors__methods">
            <legend className="field__label">Allowed methods</legend>
            <div className="url-cors__method-list">
              {CORS_METHODS.map((method) => (
                <label key={method} className="checkbox">
                  <input type="checkbox" checked={values.corsMethods.includes(method)} onChange={(e) => toggleMethod(method, e.target.checked)} data-testid={`cfg-cors-method-${method === '*' ? 'any' : method}`} />
                  <span className="mono">{method === '*' ? '* (any)' : method}</span>
                </label>
              ))}
            </div>
            {errors.corsMethods !== undefined ? (
              <span className="field__hint is-error" role="alert" data-testid="cfg-error-corsMethods">
                {errors.corsMethods}
              </span>
            ) : (
              <span className="field__hint">None ticked: only GET, HEAD and POST, which browsers always allow.</span>
            )}
          </fieldset>
          <ListField
            label="Allowed request headers"
            name="corsHeaders"
            value={values.corsHeaders}
            placeholder="Content-Type, Authorization"
            hint="Headers the page may send; * allows any."
            errors={errors}
            onChange={(corsHeaders) => update({ corsHeaders })}
          />
          <ListField
            label="Exposed response headers"
            name="corsExposeHeaders"
            value={values.corsExposeHeaders}
            placeholder="X-Request-Id"
            hint="Headers of the answer the page may read."
            errors={errors}
            onChange={(corsExposeHeaders) => update({ corsExposeHeaders })}
          />
          <label className="field">
            <span className="field__label">Preflight max age</span>
            <span className="input-with-unit url-cors__max-age">
              <input
                className={`input mono${maxAgeProblem !== undefined ? ' is-invalid' : ''}`}
                inputMode="numeric"
                value={values.corsMaxAge}
                onChange={(e) => update({ corsMaxAge: e.target.value })}
                aria-invalid={maxAgeProblem !== undefined}
                data-testid="cfg-corsMaxAge"
              />
              <span className="input-unit">s</span>
            </span>
            {maxAgeProblem !== undefined ? (
              <span className="field__hint is-error" role="alert" data-testid="cfg-error-corsMaxAge">
                {maxAgeProblem}
              </span>
            ) : (
              <span className="field__hint">How long a browser keeps the answer: up to 86400 s; 0 asks each time.</span>
            )}
          </label>
          <label className="checkbox url-cors__credentials">
            <input type="checkbox" checked={values.corsCredentials} onChange={(e) => update({ corsCredentials: e.target.checked })} data-testid="cfg-cors-credentials" />
            <span>
              Allow credentials <span className="muted">— cookies and Authorization</span>
            </span>
          </label>
        </div>
      )}
    </div>
  );
}
