import { describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../shared/workspace/function-config.ts';
import { configToForm, formToConfig, newEnvRow, runtimesFor, sameForm } from './config-form.ts';

const base = FunctionConfig.parse({ runtime: 'nodejs22.x', handler: 'index.handler', environment: { STAGE: 'dev' } });

describe('function.json form', () => {
  it('round-trips a config unchanged', () => {
    const result = formToConfig(configToForm(base));
    expect(result).toEqual({ ok: true, config: base });
  });

  it('writes edited numbers, variables and durable settings', () => {
    const form = configToForm(base);
    form.memorySize = '512';
    form.timeout = '30';
    form.env.push(newEnvRow('TABLE_NAME', 'orders'));
    form.durableEnabled = true;
    form.executionTimeout = '3600';
    form.retentionPeriodInDays = '7';
    const result = formToConfig(form);
    expect(result.ok && result.config).toMatchObject({
      memorySize: 512,
      timeout: 30,
      environment: { STAGE: 'dev', TABLE_NAME: 'orders' },
      durable: { enabled: true, executionTimeout: 3600, retentionPeriodInDays: 7 },
    });
  });

  it('reports each bad field next to it, in words', () => {
    const form = configToForm(base);
    form.memorySize = '64';
    form.timeout = 'soon';
    form.handler = 'index';
    const bad = newEnvRow('1BAD', 'x');
    const dup = newEnvRow('STAGE', 'prod');
    form.env.push(bad, dup, newEnvRow('', ''));
    const result = formToConfig(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.memorySize).toBe('must be at least 128 MB');
    expect(result.errors.timeout).toBe('must be a number');
    expect(result.errors.handler).toContain('file.export');
    expect(result.errors[`env:${bad.id}`]).toContain('start with a letter');
    expect(result.errors[`env:${dup.id}`]).toContain('already set');
  });

  it('checks durable limits only when durable is on, and keeps a disabled block', () => {
    const form = configToForm(FunctionConfig.parse({ ...base, durable: { enabled: true } }));
    form.retentionPeriodInDays = '365';
    const result = formToConfig(form);
    expect(!result.ok && result.errors.retentionPeriodInDays).toBe('must be at most 90 days');
    form.durableEnabled = false;
    const off = formToConfig(form);
    expect(off.ok && off.config.durable?.enabled).toBe(false);
  });

  it('treats blank rows and new ids as no change', () => {
    const a = configToForm(base);
    const b = configToForm(base);
    b.env.push(newEnvRow());
    expect(sameForm(a, b)).toBe(true);
    b.timeout = '9';
    expect(sameForm(a, b)).toBe(false);
  });

  it('keeps a container image even while the process runner is chosen', () => {
    const form = configToForm(FunctionConfig.parse({ ...base, runner: 'docker', image: 'my/image:1' }));
    form.runner = 'process';
    const result = formToConfig(form);
    expect(result.ok && result.config).toMatchObject({ runner: 'process', image: 'my/image:1' });
  });
});

describe('the runtime list', () => {
  it('offers Node.js runtimes for a TypeScript or JavaScript handler and Python ones for a Python handler', () => {
    expect(runtimesFor(['index.ts', 'function.json'], 'nodejs22.x').every((r) => r.startsWith('nodejs'))).toBe(true);
    expect(runtimesFor(['index.mjs', 'function.json'], 'nodejs22.x')).toContain('nodejs24.x');
    expect(runtimesFor(['lambda_function.py', 'function.json'], 'python3.13')).toEqual(['python3.13', 'python3.12']);
  });

  it('keeps the runtime set now, and offers all when the files do not tell', () => {
    expect(runtimesFor(['index.ts', 'function.json'], 'python3.12')).toContain('python3.12');
    expect(runtimesFor(['function.json'], 'nodejs22.x')).toHaveLength(5);
  });
});
