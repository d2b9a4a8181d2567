import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/client.ts';
import { toFailure } from './errors.ts';

describe('errors for people', () => {
  it('keeps a contract error message and its details', () => {
    const failure = toFailure(new ApiError({ code: 'CONFLICT', message: 'A function named a already exists.', details: 'path: functions/a' }), 'Could not create');
    expect(failure).toEqual({ message: 'Could not create: A function named a already exists.', details: 'path: functions/a' });
  });

  it('never prints [object Object]', () => {
    const failure = toFailure({ weird: true });
    expect(failure.message).not.toContain('[object Object]');
    expect(failure.details).toBe('{"weird":true}');
  });

  it('folds a stack under the sentence', () => {
    const failure = toFailure(new Error('boom'));
    expect(failure.message).toBe('boom');
    expect(failure.details).toContain('Error: boom');
  });
});
