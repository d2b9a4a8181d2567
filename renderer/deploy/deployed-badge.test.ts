import { describe, expect, it } from 'vitest';
import { deployedBadge } from './deployed-badge.ts';

const prod = { id: 'prod', name: 'prod' };

describe('deployedBadge', () => {
  it('says the live version on the target', () => {
    expect(deployedBadge([{ target: 'prod', deployed: true, version: '4', liveVersion: '3', differs: false }], prod)).toMatchObject({ text: 'v3 on prod', state: 'deployed' });
  });

  it('says when the function is not on the target', () => {
    expect(deployedBadge([{ target: 'prod', deployed: false }], prod)).toMatchObject({ text: 'not deployed to prod', state: 'not-deployed' });
  });

  it('says when the workspace code moved on', () => {
    expect(deployedBadge([{ target: 'prod', deployed: true, liveVersion: '2', differs: true }], prod)).toMatchObject({ text: 'v2 on prod · local code differs', tone: 'warning' });
  });

  it('shows nothing before the status arrives or for another target', () => {
    expect(deployedBadge(undefined, prod)).toBeNull();
    expect(deployedBadge([{ target: 'dev', deployed: true }], prod)).toBeNull();
  });

  it('says when the target could not be asked', () => {
    expect(deployedBadge([{ target: 'prod', deployed: false, problem: { kind: 'expired', message: 'The session expired.' } }], prod)).toMatchObject({ tone: 'error', title: 'The session expired.' });
  });
});
