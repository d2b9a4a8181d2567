import { describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';
import { configToForm, formToConfig, sameForm } from './config-form.ts';

const served = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', triggers: { http: { enabled: true, returns: [{ body: 'result' }] } } });

describe('CORS in the function.json form', () => {
  it('writes the settings as typed, lists split on commas and spaces, keeping the other endpoint settings', () => {
    const form = configToForm(served);
    expect(form.corsEnabled).toBe(false);
    Object.assign(form, {
      corsEnabled: true,
      corsOrigins: 'http://localhost:3000,  https://app.example.com',
      corsMethods: ['GET', 'POST'],
      corsHeaders: 'Content-Type, X-Api-Key',
      corsExposeHeaders: 'X-Request-Id',
      corsMaxAge: '600',
      corsCredentials: true,
    });
    const result = formToConfig(form);
    expect(result.ok && result.config.triggers?.http).toEqual({
      enabled: true,
      invocationType: 'RequestResponse',
      maxWaitSeconds: 30,
      returns: [{ body: 'result' }],
      cors: {
        allowOrigins: ['http://localhost:3000', 'https://app.example.com'],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'X-Api-Key'],
        exposeHeaders: ['X-Request-Id'],
        maxAge: 600,
        allowCredentials: true,
      },
    });
    if (!result.ok) return;
    const again = configToForm(result.config);
    expect(again).toMatchObject({ corsEnabled: true, corsOrigins: 'http://localhost:3000, https://app.example.com', corsMaxAge: '600', corsCredentials: true });
    expect(sameForm(again, configToForm(result.config))).toBe(true);
  });

  it('reports a bad origin by name and a max age out of range at their fields', () => {
    const form = { ...configToForm(served), corsEnabled: true, corsOrigins: 'http://localhost:3000/, *', corsMaxAge: '90000' };
    const result = formToConfig(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.corsOrigins).toBe('http://localhost:3000/ must be an origin like http://localhost:3000 (scheme, host and port; no path or trailing slash), or *');
    expect(result.errors.corsMaxAge).toBe('must be at most 86400 s');
  });

  it('drops the settings when CORS is turned off', () => {
    const withCors = FunctionConfig.parse({ ...served, triggers: { http: { enabled: true, cors: { allowOrigins: ['*'] } } } });
    const form = { ...configToForm(withCors), corsEnabled: false };
    const result = formToConfig(form);
    expect(result.ok && result.config.triggers?.http).not.toHaveProperty('cors');
  });
});
