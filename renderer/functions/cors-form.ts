import type { z } from 'zod';
import type { UrlCors } from '../../shared/workspace/url-cors.ts';

/** The function URL's CORS settings as the form types them: lists stay text, so nothing half-typed is lost. */
export interface CorsFormValues {
  /** The URL has CORS settings (Lambda's `Cors`); off writes none, and the URL sends no CORS headers. */
  corsEnabled: boolean;
  /** Comma-separated origins, or `*`. */
  corsOrigins: string;
  corsMethods: string[];
  corsHeaders: string;
  corsExposeHeaders: string;
  corsMaxAge: string;
  corsCredentials: boolean;
}

export type CorsFieldName = 'corsOrigins' | 'corsMethods' | 'corsHeaders' | 'corsExposeHeaders' | 'corsMaxAge';
export const CORS_FIELDS: readonly CorsFieldName[] = ['corsOrigins', 'corsMethods', 'corsHeaders', 'corsExposeHeaders', 'corsMaxAge'];

/** Where each of Lambda's fields is edited in the form. */
const FIELD_OF: Record<string, CorsFieldName> = {
  allowOrigins: 'corsOrigins',
  allowMethods: 'corsMethods',
  allowHeaders: 'corsHeaders',
  exposeHeaders: 'corsExposeHeaders',
  maxAge: 'corsMaxAge',
};

export function corsToForm(cors: UrlCors | undefined): CorsFormValues {
  return {
    corsEnabled: cors !== undefined,
    corsOrigins: (cors?.allowOrigins ?? []).join(', '),
    corsMethods: cors?.allowMethods ?? [],
    corsHeaders: (cors?.allowHeaders ?? []).join(', '),
    corsExposeHeaders: (cors?.exposeHeaders ?? []).join(', '),
    corsMaxAge: String(cors?.maxAge ?? 0),
    corsCredentials: cors?.allowCredentials === true,
  };
}

/** A comma- or space-separated list as its items (neither origins nor header names hold either). */
export function listItems(text: string): string[] {
  return text.split(/[\s,]+/).filter((item) => item !== '');
}

/** The `cors` block as the schema takes it in. */
export type CorsInput = z.input<typeof UrlCors>;

/** The `cors` block to write, as the schema takes it; `maxAge` as parsed by the form, or its text's best reading. */
export function formCors(values: CorsFormValues, maxAge: number | undefined): CorsInput | undefined {
  if (!values.corsEnabled) return undefined;
  return {
    allowOrigins: listItems(values.corsOrigins),
    allowMethods: values.corsMethods as UrlCors['allowMethods'],
    allowHeaders: listItems(values.corsHeaders),
    exposeHeaders: listItems(values.corsExposeHeaders),
    maxAge: maxAge ?? (Number(values.corsMaxAge) || 0),
    allowCredentials: values.corsCredentials,
  };
}

/**
 * The form field a schema issue under `triggers.http.cors` belongs to, and its message; an issue
 * about one item of a list names the item, since the field holds them all.
 */
export function corsIssue(path: readonly PropertyKey[], message: string, cors: CorsInput | undefined): { field: CorsFieldName; message: string } | undefined {
  const [first, second, third, fourth, fifth] = path;
  if (first !== 'triggers' || second !== 'http' || third !== 'cors') return undefined;
  const field = FIELD_OF[String(fourth)];
  if (field === undefined) return undefined;
  if (typeof fifth !== 'number' || cors === undefined) return { field, message };
  const list = cors[fourth as 'allowOrigins'] ?? [];
  return { field, message: `${list[fifth] ?? ''} ${message}`.trim() };
}
