import { describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';
import { configToForm, formToConfig, sameForm } from './config-form.ts';

const base = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler' });

describe('the HTTP endpoint in the function.json form', () => {
  it('writes no triggers for a function that never had an endpoint', () => {
    const result = formToConfig(configToForm(base));
    expect(result.ok && result.config).not.toHaveProperty('triggers');
  });

  it('turns the endpoint on with Lambda defaults, and off again keeping the block', () => {
    const form = configToForm(base);
    form.httpEnabled = true;
    const on = formToConfig(form);
    expect(on.ok && on.config.triggers).toEqual({ http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 30 } });
    if (!on.ok) return;
    const again = configToForm(on.config);
    expect(again.httpEnabled).toBe(true);
    again.httpEnabled = false;
    const off = formToConfig(again);
    expect(off.ok && off.config.triggers).toEqual({ http: { enabled: false, invocationType: 'RequestResponse', maxWaitSeconds: 30 } });
  });

  it('writes the durable invocation type and wait limit, and reports a wait out of range at its field', () => {
    const form = configToForm(FunctionConfig.parse({ ...base, durable: { enabled: true } }));
    form.httpEnabled = true;
    form.httpInvocationType = 'Event';
    form.httpMaxWait = '120';
    const result = formToConfig(form);
    expect(result.ok && result.config.triggers?.http).toEqual({ enabled: true, invocationType: 'Event', maxWaitSeconds: 120 });
    form.httpMaxWait = '5000';
    const bad = formToConfig(form);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.httpMaxWait).toBe('must be at most 900 s');
  });

  it('keeps the returns and catches rules the form does not show, and the queue and invoke triggers', () => {
    const rules = { returns: [{ when: 'result.ok', body: 'result' }], catches: [{ error: 'NotFound', body: '{"statusCode": 404}' }] };
    const config = FunctionConfig.parse({ ...base, triggers: { http: { enabled: true, ...rules }, queue: { enabled: true }, invoke: rules } });
    const form = configToForm(config);
    form.httpMaxWait = '60';
    const result = formToConfig(form);
    expect(result.ok && result.config.triggers).toEqual({ ...config.triggers, http: { ...config.triggers?.http, maxWaitSeconds: 60 } });
  });

  it('counts a changed endpoint as an edit', () => {
    const start = configToForm(base);
    expect(sameForm(start, { ...start, httpEnabled: true })).toBe(false);
    expect(sameForm(start, configToForm(base))).toBe(true);
  });
});

describe('the schedule in the function.json form', () => {
  it('writes an enabled schedule, refuses a bad expression at its field, and keeps an expression turned off', () => {
    const form = configToForm(base);
    form.scheduleEnabled = true;
    form.scheduleExpression = 'rate(1 minutes)';
    const bad = formToConfig(form);
    expect(!bad.ok && bad.errors.scheduleExpression).toMatch(/value is 1 the unit must be singular/);
    form.scheduleExpression = ' rate(1 minute) ';
    const on = formToConfig(form);
    expect(on.ok && on.config.triggers).toEqual({ schedule: { enabled: true, expression: 'rate(1 minute)' } });
    if (!on.ok) return;
    const again = configToForm(on.config);
    again.scheduleEnabled = false;
    const off = formToConfig(again);
    expect(off.ok && off.config.triggers).toEqual({ schedule: { enabled: false, expression: 'rate(1 minute)' } });
    again.scheduleExpression = '';
    const cleared = formToConfig(again);
    expect(cleared.ok && cleared.config).not.toHaveProperty('triggers');
  });

  it('keeps the HTTP endpoint when the schedule changes', () => {
    const form = configToForm(FunctionConfig.parse({ ...base, triggers: { http: { enabled: true } } }));
    form.scheduleEnabled = true;
    form.scheduleExpression = 'cron(0 12 * * ? *)';
    const result = formToConfig(form);
    expect(result.ok && result.config.triggers).toEqual({
      http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 30 },
      schedule: { enabled: true, expression: 'cron(0 12 * * ? *)' },
    });
  });
});
