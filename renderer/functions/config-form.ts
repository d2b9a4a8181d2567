import type { z } from 'zod';
import { FunctionConfig, Runner, Runtime, type HttpTrigger, type Triggers } from '../../shared/workspace/function-config.ts';
import { CORS_FIELDS, corsIssue, corsToForm, formCors, type CorsFieldName, type CorsFormValues } from './cors-form.ts';

/** One environment variable row; `id` keeps React keys and errors stable while the key is edited. */
export interface EnvRow {
  id: string;
  key: string;
  value: string;
}

/** The function.json form as typed: numbers stay text so a half-typed value is never lost. */
export interface ConfigFormValues extends CorsFormValues {
  description: string;
  runtime: Runtime;
  handler: string;
  memorySize: string;
  timeout: string;
  env: EnvRow[];
  durableEnabled: boolean;
  executionTimeout: string;
  retentionPeriodInDays: string;
  /** The file had a `durable` block: keep one (disabled) rather than dropping the settings. */
  hadDurable: boolean;
  runner: Runner;
  image: string;
  /** The HTTP endpoint (function URL) is served. */
  httpEnabled: boolean;
  httpInvocationType: HttpTrigger['invocationType'];
  httpMaxWait: string;
  /** The schedule (EventBridge rate or cron expression) fires. */
  scheduleEnabled: boolean;
  scheduleExpression: string;
  /** The file's triggers as read: kept as they are apart from what the form edits. */
  baseTriggers: Triggers | undefined;
}

export type FieldName =
  | 'description'
  | 'runtime'
  | 'handler'
  | 'memorySize'
  | 'timeout'
  | 'executionTimeout'
  | 'retentionPeriodInDays'
  | 'runner'
  | 'image'
  | 'httpMaxWait'
  | 'scheduleExpression'
  | CorsFieldName
  | 'form';

const FORM_FIELDS: readonly FieldName[] = ['description', 'runtime', 'handler', 'memorySize', 'timeout', 'executionTimeout', 'retentionPeriodInDays', 'runner', 'image', 'httpMaxWait', 'scheduleExpression', ...CORS_FIELDS];

/** Where a schema issue's path lands in the form: nested settings have a field of their own. */
function fieldKey(path: readonly PropertyKey[]): string {
  const [first, second, third] = path;
  if (first === 'durable') return String(second);
  if (first === 'triggers' && second === 'http' && third === 'maxWaitSeconds') return 'httpMaxWait';
  if (first === 'triggers' && second === 'schedule' && third === 'expression') return 'scheduleExpression';
  return String(first);
}

/** Errors by field; environment rows use `env:<row id>`. */
export type FieldErrors = Partial<Record<FieldName | `env:${string}`, string>>;

export type FormResult = { ok: true; config: FunctionConfig } | { ok: false; errors: FieldErrors };

export const RUNTIMES = Runtime.options;

const NODE_SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const PYTHON_SOURCE = /\.py$/;

/**
 * The runtimes that can run the function's code: Node.js ones for TypeScript or JavaScript
 * sources, Python ones for Python sources, all of them when the files do not say. The runtime
 * set now stays listed, so a function.json that names another one still reads as it is.
 */
export function runtimesFor(files: readonly string[], current: Runtime): Runtime[] {
  const node = files.some((f) => NODE_SOURCE.test(f));
  const python = files.some((f) => PYTHON_SOURCE.test(f));
  const fits = (r: Runtime) => (node === python ? true : node ? r.startsWith('nodejs') : r.startsWith('python'));
  return RUNTIMES.filter((r) => fits(r) || r === current);
}
export const RUNNERS = Runner.options;

/** Lambda's environment variable key rule, as in the workspace contract. */
const ENV_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

let rowCounter = 0;
export function newEnvRow(key = '', value = ''): EnvRow {
  rowCounter += 1;
  return { id: `env-${rowCounter}`, key, value };
}

export function configToForm(config: FunctionConfig): ConfigFormValues {
  return {
    description: config.description ?? '',
    runtime: config.runtime,
    handler: config.handler,
    memorySize: String(config.memorySize),
    timeout: String(config.timeout),
    env: Object.entries(config.environment).map(([key, value]) => newEnvRow(key, value)),
    durableEnabled: config.durable?.enabled === true,
    executionTimeout: String(config.durable?.executionTimeout ?? 86_400),
    retentionPeriodInDays: String(config.durable?.retentionPeriodInDays ?? 14),
    hadDurable: config.durable !== undefined,
    runner: config.runner,
    image: config.image ?? '',
    httpEnabled: config.triggers?.http?.enabled === true,
    httpInvocationType: config.triggers?.http?.invocationType ?? 'RequestResponse',
    httpMaxWait: String(config.triggers?.http?.maxWaitSeconds ?? 30),
    ...corsToForm(config.triggers?.http?.cors),
    scheduleEnabled: config.triggers?.schedule?.enabled === true,
    scheduleExpression: config.triggers?.schedule?.expression ?? '',
    baseTriggers: config.triggers,
  };
}

/** The triggers to write: the file's own, with the HTTP endpoint and schedule as the form has them (none when never turned on). */
function formTriggers(values: ConfigFormValues, maxWait: number | undefined, maxAge: number | undefined): Triggers | undefined {
  const base = values.baseTriggers;
  let triggers = base;
  if (values.httpEnabled || base?.http !== undefined) {
    const { cors: _asRead, ...kept } = base?.http ?? {};
    const cors = formCors(values, maxAge);
    const http: HttpTrigger = {
      // Settings the form does not show (returns and catches rules) stay as the file has them.
      ...kept,
      enabled: values.httpEnabled,
      invocationType: values.httpInvocationType,
      maxWaitSeconds: maxWait ?? (Number(values.httpMaxWait) || 30),
      // Checked by the schema when the form is; the input shape (defaults not filled) is what the file holds.
      ...(cors === undefined ? {} : { cors: cors as HttpTrigger['cors'] }),
    };
    triggers = { ...triggers, http };
  }
  // A schedule turned off keeps its expression in the file when it has one, so turning it back on finds it.
  const expression = values.scheduleExpression.trim();
  if (values.scheduleEnabled || (base?.schedule !== undefined && expression !== '')) {
    triggers = { ...triggers, schedule: { enabled: values.scheduleEnabled, expression } };
  } else if (base?.schedule !== undefined) {
    const { schedule: _dropped, ...rest } = triggers ?? {};
    triggers = rest;
  }
  return triggers === undefined || Object.keys(triggers).length === 0 ? undefined : triggers;
}

function numberField(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'required';
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'must be a number';
}

function issueText(issue: z.core.$ZodIssue, unit: string): string {
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}${unit}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}${unit}`;
  if (issue.code === 'invalid_type') return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
  return issue.message;
}

const UNITS: Partial<Record<FieldName, string>> = {
  memorySize: ' MB',
  timeout: ' s',
  executionTimeout: ' s',
  retentionPeriodInDays: ' days',
  httpMaxWait: ' s',
  corsMaxAge: ' s',
};

function envErrors(rows: readonly EnvRow[], errors: FieldErrors): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (key === '') errors[`env:${row.id}`] = 'a name is required';
    else if (!ENV_KEY.test(key)) errors[`env:${row.id}`] = 'must start with a letter and hold only letters, digits and _';
    else if (Object.hasOwn(environment, key)) errors[`env:${row.id}`] = `${key} is already set above`;
    else environment[key] = row.value;
  }
  return environment;
}

/**
 * Checks the form with the same zod schema the host uses, and turns each problem into a
 * short message next to its field. Nothing is saved unless this returns `ok`.
 */
export function formToConfig(values: ConfigFormValues): FormResult {
  const errors: FieldErrors = {};
  const numbers: Partial<Record<FieldName, number>> = {};
  const numeric: FieldName[] = [
    'memorySize',
    'timeout',
    ...(values.durableEnabled ? (['executionTimeout', 'retentionPeriodInDays'] as const) : []),
    ...(values.httpEnabled && values.durableEnabled ? (['httpMaxWait'] as const) : []),
    ...(values.httpEnabled && values.corsEnabled ? (['corsMaxAge'] as const) : []),
  ];
  for (const field of numeric) {
    const parsed = numberField(values[field as 'memorySize']);
    if (typeof parsed === 'string') errors[field] = parsed;
    else numbers[field] = parsed;
  }
  const environment = envErrors(values.env, errors);

  const durableKept = values.durableEnabled || values.hadDurable;
  const triggers = formTriggers(values, numbers.httpMaxWait, numbers.corsMaxAge);
  const candidate = {
    ...(values.description.trim() === '' ? {} : { description: values.description }),
    runtime: values.runtime,
    handler: values.handler.trim(),
    memorySize: numbers.memorySize ?? 128,
    timeout: numbers.timeout ?? 3,
    environment,
    ...(durableKept
      ? {
          durable: {
            enabled: values.durableEnabled,
            executionTimeout: numbers.executionTimeout ?? (Number(values.executionTimeout) || 86_400),
            retentionPeriodInDays: numbers.retentionPeriodInDays ?? (Number(values.retentionPeriodInDays) || 14),
          },
        }
      : {}),
    runner: values.runner,
    // Kept even with the process runner: it is the person's setting, only unused for now.
    ...(values.image.trim() !== '' ? { image: values.image.trim() } : {}),
    ...(triggers === undefined ? {} : { triggers }),
  };
  const parsed = FunctionConfig.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const cors = corsIssue(issue.path, issue.path[3] === 'maxAge' ? issueText(issue, ' s') : issue.message, formCors(values, numbers.corsMaxAge));
      if (cors !== undefined) {
        errors[cors.field] ??= cors.message;
        continue;
      }
      const key = fieldKey(issue.path);
      const field = FORM_FIELDS.find((f) => f === key);
      if (field === undefined) {
        errors.form ??= issue.message;
        continue;
      }
      errors[field] ??= issueText(issue, UNITS[field] ?? '');
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}

/** Whether two forms would save the same file (row ids and blank rows do not count). */
export function sameForm(a: ConfigFormValues, b: ConfigFormValues): boolean {
  const strip = (v: ConfigFormValues): string =>
    JSON.stringify({ ...v, env: v.env.filter((r) => r.key !== '' || r.value !== '').map((r) => [r.key, r.value]), hadDurable: undefined, baseTriggers: undefined });
  return strip(a) === strip(b);
}
