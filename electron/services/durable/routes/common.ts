import { LambdaApiError } from '../../lambda/api-types.ts';
import type { z } from 'zod';

/** The API version prefix of every durable-execution path. */
export const API = '/2025-12-01';

/** Lambda's 400 for bad input. */
export function invalidParameter(message: string): LambdaApiError {
  return new LambdaApiError(400, 'InvalidParameterValueException', message);
}

/** Lambda's 404 for an unknown execution or function. */
export function notFound(message: string): LambdaApiError {
  return new LambdaApiError(404, 'ResourceNotFoundException', message);
}

/** Parses a JSON body against a schema; a malformed body is the caller's error and changes nothing. */
export function parseBody<T>(body: Buffer, schema: z.ZodType<T>, what: string): T {
  let doc: unknown;
  try {
    doc = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw invalidParameter(`The ${what} request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
    throw invalidParameter(`Invalid ${what} request: ${where}: ${issue?.message ?? 'invalid value'}.`);
  }
  return parsed.data;
}

/** Lambda's `MaxItems`: 0 or absent means the default. */
export function maxItems(query: URLSearchParams, defaultValue: number, max: number): number {
  const raw = query.get('MaxItems');
  if (raw === null || raw === '') return defaultValue;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw invalidParameter(`MaxItems must be an integer from 0 to ${max}.`);
  return n === 0 ? defaultValue : n;
}

/** A `true`/`false` query parameter; anything else is rejected. */
export function booleanParam(query: URLSearchParams, name: string, defaultValue: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return defaultValue;
  if (raw !== 'true' && raw !== 'false') throw invalidParameter(`${name} must be true or false.`);
  return raw === 'true';
}

/** Markers are positions; anything else is rejected rather than silently restarting the listing. */
export function markerParam(query: URLSearchParams): number | undefined {
  const raw = query.get('Marker');
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw invalidParameter('Marker is not a marker returned by this API.');
  return Number(raw);
}
