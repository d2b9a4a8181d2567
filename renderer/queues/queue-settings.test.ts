import { describe, expect, it } from 'vitest';
import { QueueTrigger } from '../../shared/workspace/function-config.ts';
import { settingsToTrigger, settingsValues } from './queue-settings.ts';

describe('the queue settings form', () => {
  const defaults = QueueTrigger.parse({ enabled: true });

  it('round-trips a trigger', () => {
    expect(settingsToTrigger(settingsValues(defaults))).toEqual({ ok: true, trigger: defaults });
  });

  it('names each field at fault', () => {
    const result = settingsToTrigger({ ...settingsValues(defaults), batchSize: '0', visibilityTimeoutSeconds: '1.5', maxReceiveCount: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['batchSize', 'maxReceiveCount', 'visibilityTimeoutSeconds']);
    expect(result.errors.batchSize).toMatch(/>=\s*1|at least|too small/i);
  });
});
