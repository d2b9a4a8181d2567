import { describe, expect, it } from 'vitest';
import { nameProblem } from './name-rule.ts';

describe('function name rule', () => {
  it('accepts Lambda-style names', () => {
    expect(nameProblem('orders-api_2', [])).toBeUndefined();
  });

  it('explains what is wrong', () => {
    expect(nameProblem('', [])).toBe('a name is required');
    expect(nameProblem('has space', [])).toBe('letters, digits, - and _ only');
    expect(nameProblem('x'.repeat(65), [])).toBe('at most 64 characters');
    expect(nameProblem('Orders', ['orders'])).toBe('a function with this name already exists');
  });

  it('lets a rename keep its own name', () => {
    expect(nameProblem('orders', ['orders'], 'orders')).toBeUndefined();
  });
});
