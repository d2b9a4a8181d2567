import { describe, expect, it } from 'vitest';
import { FunctionConfig } from './function-config.ts';

const withCors = (cors: unknown) => FunctionConfig.safeParse({ runtime: 'nodejs22.x', handler: 'index.handler', triggers: { http: { enabled: true, cors } } });
const problems = (cors: unknown): string[] => {
  const parsed = withCors(cors);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('triggers.http.cors', () => {
  it('takes Lambda’s fields, with its defaults', () => {
    const parsed = withCors({ allowOrigins: ['http://localhost:3000', '*'] });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.triggers?.http?.cors).toEqual({
      allowOrigins: ['http://localhost:3000', '*'],
      allowMethods: [],
      allowHeaders: [],
      exposeHeaders: [],
      maxAge: 0,
      allowCredentials: false,
    });
  });

  it('refuses an origin with a path, a method Lambda does not take, and a max age above a day, saying where', () => {
    expect(problems({ allowOrigins: ['http://localhost:3000/'], allowMethods: ['OPTIONS'], maxAge: 86_401 })).toEqual([
      'triggers.http.cors.allowOrigins.0: must be an origin like http://localhost:3000 (scheme, host and port; no path or trailing slash), or *',
      'triggers.http.cors.allowMethods.0: must be one of GET, POST, PUT, PATCH, DELETE, HEAD, * (upper case)',
      'triggers.http.cors.maxAge: must be at most 86400 s (one day, Lambda’s limit)',
    ]);
  });

  it('refuses more than 6 methods, a header name with a space, a negative max age and an unknown field', () => {
    const found = problems({ allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', '*'], allowHeaders: ['X Bad'], maxAge: -1, allowOrigin: ['*'] });
    expect(found).toContain('triggers.http.cors.allowMethods: lists at most 6 methods (Lambda’s limit)');
    expect(found).toContain('triggers.http.cors.allowHeaders.0: must be a header name like Content-Type or X-Custom-Header, or *');
    expect(found).toContain('triggers.http.cors.maxAge: must be at least 0 s');
    expect(found.some((line) => line.includes('allowOrigin'))).toBe(true);
  });
});
