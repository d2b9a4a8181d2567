import { Globe } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import { CopyButton } from '../executions/CopyButton.tsx';
import { CorsSection } from './CorsSection.tsx';
import { formatSeconds } from '../executions/time-format.ts';
import type { ConfigFormValues, FieldErrors } from './config-form.ts';
import { curlLine, functionUrl } from './function-url-lines.ts';
import './http-endpoint.css';

let origin: Promise<string> | undefined;
/** The host's function URL origin; asked once, as it stays the same while the studio runs. */
function loadOrigin(): Promise<string> {
  origin ??= api()
    .call('functionUrls.info', {})
    .then((info) => info.origin)
    .catch((error: unknown) => {
      origin = undefined;
      throw error;
    });
  return origin;
}

function useFunctionUrlOrigin(): string | null {
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadOrigin().then(
      (o) => live && setValue(o),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return value;
}

interface Props {
  fn: string;
  values: ConfigFormValues;
  errors: FieldErrors;
  /** The saved file serves the endpoint already (so the URL answers now). */
  serving: boolean;
  update: (patch: Partial<ConfigFormValues>) => void;
}

/** "HTTP endpoint": the function as a local function URL, with its address and a curl line to call it. */
export function HttpEndpointSection({ fn, values, errors, serving, update }: Props) {
  const base = useFunctionUrlOrigin();
  const url = base === null ? null : functionUrl(base, fn);
  const invalid = errors.httpMaxWait !== undefined;
  return (
    <section className="form-section" data-testid="cfg-http-section">
      <h3 className="form-section__title">HTTP endpoint</h3>
      <label className="checkbox">
        <input type="checkbox" checked={values.httpEnabled} onChange={(e) => update({ httpEnabled: e.target.checked })} data-testid="cfg-http" />
        <span>
          Serve over HTTP <span className="muted">— a local function URL: each request becomes the function URL event, and the answer the HTTP response.</span>
        </span>
      </label>
      {values.httpEnabled && (
        <div className="http-endpoint">
          {url !== null && (
            <>
              <div className="http-endpoint__url">
                <Globe size={13} aria-hidden />
                <span className="mono" data-testid="cfg-http-url">
                  {url}
                </span>
                <CopyButton text={url} label="Copy the URL" testId="cfg-http-url-copy" />
                {!serving && <span className="http-endpoint__pending">Save to start serving</span>}
              </div>
              <div className="code-sample">
                <pre className="mono" data-testid="cfg-http-curl">
                  {curlLine(url)}
                </pre>
                <CopyButton text={curlLine(url)} label="Copy the curl command" testId="cfg-http-curl-copy" />
              </div>
            </>
          )}
          {values.durableEnabled && (
            <div className="http-endpoint__durable" role="radiogroup" aria-label="How a request runs the durable function">
              <label className="checkbox">
                <input type="radio" name="http-invocation" checked={values.httpInvocationType === 'RequestResponse'} onChange={() => update({ httpInvocationType: 'RequestResponse' })} data-testid="cfg-http-wait" />
                <span>
                  Wait for the result, up to
                  <span className="input-with-unit http-endpoint__wait">
                    <input
                      className={`input mono${invalid ? ' is-invalid' : ''}`}
                      inputMode="numeric"
                      aria-label="Longest wait"
                      value={values.httpMaxWait}
                      onChange={(e) => update({ httpMaxWait: e.target.value })}
                      aria-invalid={invalid}
                      data-testid="cfg-http-max-wait"
                    />
                    <span className="input-unit">s</span>
                  </span>
                  <span className="muted">
                    {Number(values.httpMaxWait) >= 60 ? `(${formatSeconds(Number(values.httpMaxWait))}) ` : ''}then 202 with the execution ARN
                  </span>
                </span>
              </label>
              {invalid && (
                <span className="field__hint is-error" role="alert" data-testid="cfg-error-httpMaxWait">
                  {errors.httpMaxWait}
                </span>
              )}
              <label className="checkbox">
                <input type="radio" name="http-invocation" checked={values.httpInvocationType === 'Event'} onChange={() => update({ httpInvocationType: 'Event' })} data-testid="cfg-http-async" />
                <span>Answer 202 with the execution ARN at once</span>
              </label>
            </div>
          )}
          <CorsSection values={values} errors={errors} update={update} />
        </div>
      )}
    </section>
  );
}
