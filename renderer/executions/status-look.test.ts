import { describe, expect, it } from 'vitest';
import { executionLook, operationLook, typeLabel } from './status-look.ts';

describe('status looks', () => {
  it('gives each execution status a tone and a word', () => {
    expect(executionLook('RUNNING')).toEqual({ tone: 'running', label: 'Running' });
    expect(executionLook('TIMED_OUT')).toEqual({ tone: 'stopped', label: 'Timed out' });
    expect(executionLook('SOMETHING_NEW').label).toBe('something_new');
  });
  it('shows a started wait or callback as waiting, a started step as running', () => {
    expect(operationLook('WAIT', 'STARTED').tone).toBe('pending');
    expect(operationLook('CALLBACK', 'STARTED').label).toBe('Awaiting callback');
    expect(operationLook('STEP', 'STARTED').tone).toBe('running');
    expect(operationLook('STEP', 'PENDING').label).toBe('Retry scheduled');
    expect(operationLook('CALLBACK', 'TIMED_OUT').tone).toBe('failed');
  });
  it('names types from the SDK subtype when there is one', () => {
    expect(typeLabel('CONTEXT', 'Parallel')).toBe('Parallel');
    expect(typeLabel('CALLBACK', 'WaitForCallback')).toBe('Wait for callback');
    expect(typeLabel('CONTEXT', 'MAP_ITERATION')).toBe('Map iteration');
    expect(typeLabel('CHAINED_INVOKE')).toBe('Invoke');
  });
});
