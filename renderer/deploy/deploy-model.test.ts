import { describe, expect, it } from 'vitest';
import type { DeployProgress } from '../../shared/contract/targets.ts';
import { applyProgress, defaultRoleChoice, roleName, roleOf, statusLine, type StepRow } from './deploy-model.ts';

const event = (step: DeployProgress['step'], status: DeployProgress['status'], extra: Partial<DeployProgress> = {}): DeployProgress => ({
  deployId: 'd1',
  functionName: 'orders',
  target: 'prod',
  step,
  status,
  ...extra,
});

describe('applyProgress', () => {
  it('adds steps in the order they start and updates them in place', () => {
    let rows: StepRow[] = [];
    rows = applyProgress(rows, event('bundle', 'running', { message: 'esbuild' }));
    rows = applyProgress(rows, event('bundle', 'done'));
    rows = applyProgress(rows, event('create', 'running'));
    expect(rows).toEqual([
      { step: 'bundle', status: 'done', message: 'esbuild' },
      { step: 'create', status: 'running' },
    ]);
  });

  it('keeps the error of a failed step', () => {
    const rows = applyProgress([{ step: 'role', status: 'running' }], event('role', 'failed', { error: { message: 'Not allowed to create roles.', advice: 'Pick an existing role.' } }));
    expect(rows[0]).toEqual({ step: 'role', status: 'failed', error: { message: 'Not allowed to create roles.', advice: 'Pick an existing role.' } });
  });
});

describe('roleOf', () => {
  it('sends no role to keep the current one, and create for a new one', () => {
    expect(roleOf({ kind: 'keep' })).toEqual({ ok: true, role: undefined });
    expect(roleOf({ kind: 'create' })).toEqual({ ok: true, role: { create: true } });
  });

  it('checks a pasted ARN', () => {
    expect(roleOf({ kind: 'paste', arn: ' arn:aws:iam::123456789012:role/app ' })).toEqual({ ok: true, role: { arn: 'arn:aws:iam::123456789012:role/app' } });
    expect(roleOf({ kind: 'paste', arn: 'app-role' })).toMatchObject({ ok: false });
    expect(roleOf({ kind: 'existing', arn: '' })).toEqual({ ok: false, problem: 'Choose a role.' });
  });

  it('offers to keep the role of a deployed function', () => {
    expect(defaultRoleChoice(true)).toEqual({ kind: 'keep' });
    expect(defaultRoleChoice(false)).toEqual({ kind: 'create' });
  });
});

describe('statusLine', () => {
  it('reads a deployed function', () => {
    expect(statusLine({ target: 'prod', deployed: true, version: '4', liveVersion: '3' })).toBe('v4 · live → v3');
    expect(statusLine({ target: 'prod', deployed: false })).toBe('Not deployed');
    expect(statusLine({ target: 'prod', deployed: false, problem: { kind: 'expired', message: '' } })).toBe('Could not ask');
  });

  it('names roles by their path', () => {
    expect(roleName('arn:aws:iam::123456789012:role/service-role/orders')).toBe('service-role/orders');
  });
});
