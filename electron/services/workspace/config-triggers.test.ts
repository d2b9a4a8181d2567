import { describe, expect, it } from 'vitest';
import { readFunctionConfig } from './config-file.ts';

const read = (triggers: unknown) => readFunctionConfig(JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', triggers }));

describe('triggers in function.json', () => {
  it('reads an HTTP endpoint and a schedule with their defaults', () => {
    const reading = read({ http: { enabled: true }, schedule: { enabled: true, expression: 'rate(5 minutes)' } });
    expect(reading.error).toBeUndefined();
    expect(reading.config?.triggers).toEqual({
      http: { enabled: true, invocationType: 'RequestResponse', maxWaitSeconds: 30 },
      schedule: { enabled: true, expression: 'rate(5 minutes)' },
    });
  });

  it('reports a broken entry with the field at fault and the rule it breaks', () => {
    expect(read({ schedule: { enabled: true, expression: 'rate(1 minutes)' } }).error).toMatch(/triggers\.schedule\.expression.*value is 1 the unit must be singular/);
    expect(read({ schedule: { enabled: true, expression: 'cron(0 12 * * * *)' } }).error).toMatch(/triggers\.schedule\.expression.*the other must be \?/);
    expect(read({ http: { enabled: true, invocationType: 'DryRun' } }).error).toMatch(/triggers\.http\.invocationType/);
    expect(read({ http: { enabled: true, maxWaitSeconds: 0 } }).error).toMatch(/triggers\.http\.maxWaitSeconds/);
    expect(read({ queue: {} }).error).toMatch(/triggers\.queue\.enabled/);
    expect(read({ queue: { enabled: true, batchSize: 0 } }).error).toMatch(/triggers\.queue\.batchSize/);
    expect(read({ queue: { enabled: true, visibilityTimeoutSeconds: 50_000 } }).error).toMatch(/triggers\.queue\.visibilityTimeoutSeconds/);
    expect(read({ queue: { enabled: true, retries: 2 } }).error).toMatch(/triggers\.queue/);
  });

  it('reports a returns or catches rule that does not parse with its place', () => {
    expect(read({ http: { enabled: true, returns: [{ body: 'result' }, { when: 'result.n >', body: '1' }] } }).error).toMatch(/triggers\.http\.returns\.1\.when: does not parse as CEL/);
    expect(read({ invoke: { catches: [{ error: 'E', body: '{"a": }' }] } }).error).toMatch(/triggers\.invoke\.catches\.0\.body: does not parse as CEL/);
    expect(read({ invoke: { returns: [{ body: 'result', then: 1 }] } }).error).toMatch(/triggers\.invoke\.returns\.0/);
    expect(read({ invoke: { returns: [{ when: 'result.n > 1', body: 'result' }] } }).error).toBeUndefined();
  });

  it('reads a queue with SQS defaults', () => {
    expect(read({ queue: { enabled: true } }).config?.triggers?.queue).toEqual({
      enabled: true, batchSize: 10, batchWindowSeconds: 0, visibilityTimeoutSeconds: 30, maxReceiveCount: 3, deadLetter: true, reportBatchItemFailures: true,
    });
  });
});
