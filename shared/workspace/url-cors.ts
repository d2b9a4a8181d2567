import { z } from 'zod';

/** Methods a function URL's CORS may allow: Lambda takes at most 6 characters a method, so OPTIONS is not one. */
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', '*'] as const;

/**
 * An origin as a browser sends it (`scheme://host[:port]`), or `*`. A path or trailing slash never
 * matches what a browser sends, so it is refused here rather than silently never matching.
 */
const Origin = z
  .string()
  .min(1)
  .max(253, 'must be at most 253 characters (Lambda’s limit)')
  .refine((text) => text === '*' || /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i.test(text), {
    message: 'must be an origin like http://localhost:3000 (scheme, host and port; no path or trailing slash), or *',
  });

/** A header name (an HTTP token), or `*`. */
const HeaderName = z
  .string()
  .max(1024, 'must be at most 1024 characters (Lambda’s limit)')
  .regex(/^(\*|[!#$%&'*+.^_`|~0-9A-Za-z-]+)$/, 'must be a header name like Content-Type or X-Custom-Header, or *');

/**
 * A function URL's cross-origin settings, mirroring Lambda's `Cors` (camelCase): the URL answers
 * a browser's preflight itself and adds the `Access-Control-*` headers to answers for the origins
 * it allows. Lambda's limits apply: 100 origins and headers, 6 methods, max age 0 to 86,400 s.
 */
export const UrlCors = z
  .object({
    allowOrigins: z.array(Origin).max(100, 'lists at most 100 origins (Lambda’s limit)').default([]),
    allowMethods: z
      .array(z.enum(CORS_METHODS, { message: `must be one of ${CORS_METHODS.join(', ')} (upper case)` }))
      .max(6, 'lists at most 6 methods (Lambda’s limit)')
      .default([]),
    allowHeaders: z.array(HeaderName).max(100, 'lists at most 100 headers (Lambda’s limit)').default([]),
    exposeHeaders: z.array(HeaderName).max(100, 'lists at most 100 headers (Lambda’s limit)').default([]),
    /** Seconds a browser may keep a preflight's answer (Lambda: 0 to 86,400; 0 keeps none). */
    maxAge: z.number().int('must be a whole number of seconds').min(0, 'must be at least 0 s').max(86_400, 'must be at most 86400 s (one day, Lambda’s limit)').default(0),
    /** Lets the browser send cookies and Authorization with the request and read the answer. */
    allowCredentials: z.boolean().default(false),
  })
  .strict();
export type UrlCors = z.infer<typeof UrlCors>;
