import { describe, expect, it } from 'vitest';
import { executionsText, storeSize } from './store-size.ts';

describe('the executions database as Settings says it', () => {
  it('reads sizes in the unit that fits', () => {
    expect(storeSize(300)).toBe('1 KB');
    expect(storeSize(812_400)).toBe('812 KB');
    expect(storeSize(4_250_000)).toBe('4.3 MB');
    expect(storeSize(146_000_000)).toBe('146 MB');
    expect(storeSize(1_340_000_000)).toBe('1.3 GB');
  });
  it('counts executions with thousands separated and the plural where it belongs', () => {
    expect(executionsText(1, 'finished')).toBe('1 finished execution');
    expect(executionsText(12_345, 'finished')).toBe('12,345 finished executions');
    expect(executionsText(0, 'running')).toBe('0 running executions');
  });
});
