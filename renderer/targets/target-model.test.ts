import { describe, expect, it } from 'vitest';
import type { Target } from '../../shared/contract/targets.ts';
import { checkDraft, EMPTY_DRAFT, LOCAL_PLACEHOLDER, onTarget, resolveCurrent, sortTargets, summarizeTest, targetWhere } from './target-model.ts';

const prod: Target = { id: 'prod', kind: 'aws', name: 'prod', profile: 'acme', region: 'eu-west-1' };
const dev: Target = { id: 'dev', kind: 'aws', name: 'dev', profile: 'dev', region: 'us-east-1', endpoint: 'http://127.0.0.1:4000' };

describe('targets', () => {
  it('leaves the target out of calls on the local service', () => {
    expect(onTarget('local')).toEqual({});
    expect(onTarget('prod')).toEqual({ target: 'prod' });
  });

  it('falls back to local when the remembered target is gone', () => {
    expect(resolveCurrent([LOCAL_PLACEHOLDER, prod], 'prod')).toBe('prod');
    expect(resolveCurrent([LOCAL_PLACEHOLDER, prod], 'old')).toBe('local');
    expect(resolveCurrent([LOCAL_PLACEHOLDER], null)).toBe('local');
  });

  it('lists local first, then by name', () => {
    expect(sortTargets([prod, LOCAL_PLACEHOLDER, dev]).map((t) => t.id)).toEqual(['local', 'dev', 'prod']);
  });

  it('says where calls go', () => {
    expect(targetWhere(dev)).toBe('profile dev · us-east-1 · http://127.0.0.1:4000');
  });
});

describe('checkDraft', () => {
  it('accepts a target and leaves an empty endpoint out', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, name: ' prod ' })).toEqual({ ok: true, input: { name: 'prod', profile: 'default', region: 'us-east-1' } });
  });

  it('names each bad field', () => {
    const check = checkDraft({ name: 'local', profile: '', region: 'Ireland', endpoint: 'ftp://x' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.problems).sort()).toEqual(['endpoint', 'name', 'profile', 'region']);
    expect(check.problems.region).toMatch(/eu-west-1/);
  });
});

describe('summarizeTest', () => {
  it('shows the account reached', () => {
    expect(summarizeTest({ ok: true, accountId: '123456789012' }, prod)).toEqual({ ok: true, headline: 'Connected to account 123456789012.' });
  });

  it('keeps the host’s command', () => {
    const summary = summarizeTest({ ok: false, problem: { kind: 'sso-expired', message: 'Token expired', command: 'aws sso login --sso-session acme' } }, prod);
    expect(summary).toEqual({ ok: false, headline: 'The SSO session of this profile has ended.', detail: 'Token expired', command: 'aws sso login --sso-session acme' });
  });

  it('suggests a command when the host named none', () => {
    expect(summarizeTest({ ok: false, problem: { kind: 'sso-expired', message: '' } }, prod).command).toBe('aws sso login --profile acme');
    expect(summarizeTest({ ok: false, problem: { kind: 'unreachable', message: 'ECONNREFUSED' } }, prod).command).toBeUndefined();
  });

  it('never shows a bare failure', () => {
    expect(summarizeTest({ ok: false }, prod).headline).toBe('AWS answered with an error.');
  });
});
