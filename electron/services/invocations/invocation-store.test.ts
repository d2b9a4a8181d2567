import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callerOf } from '../lambda/invocation-events.ts';
import { capLines, INTERRUPTED, openInvocationStore } from './invocation-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'invocations-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (n: number) => ({ timestamp: new Date(n).toISOString(), line: `line ${n}` });

describe('the invocation store', () => {
  it('keeps the most recent invocations of each function, with their lines, across a restart', () => {
    const path = join(dir, 'invocations.db');
    const store = openInvocationStore(path, { perFunction: 3, linesPerInvocation: 100 });
    for (let i = 1; i <= 5; i++) {
      store.start({ requestId: `r${i}`, functionName: 'f', version: '$LATEST', caller: 'cli', startMs: i });
      store.end(`r${i}`, { status: 'succeeded', endMs: i + 1, durationMs: 1.5, lines: [line(i)] });
    }
    store.start({ requestId: 'other', functionName: 'g', version: '1', caller: 'panel', startMs: 9, durableExecutionArn: 'arn:x', invocationNo: 1 });
    store.close();

    const again = openInvocationStore(path, { perFunction: 3, linesPerInvocation: 100 });
    expect(again.list('f').map((i) => i.requestId)).toEqual(['r5', 'r4', 'r3']);
    expect(again.get('r1')).toBeUndefined();
    expect(again.get('r4')).toMatchObject({ caller: 'cli', status: 'succeeded', durationMs: 1.5, lines: [line(4)] });
    // Running when the studio stopped: it did not go on without it.
    expect(again.get('other')).toMatchObject({ status: 'failed', errorType: INTERRUPTED, durableExecutionArn: 'arn:x', invocationNo: 1 });
    expect(again.ofExecution('arn:x').map((i) => i.requestId)).toEqual(['other']);
    again.close();
  });

  it('keeps the first and last lines of a long log and says how many it left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => line(i));
    const kept = capLines(lines, 10);
    expect(kept).toHaveLength(10);
    expect(kept[0]).toEqual(line(0));
    expect(kept.at(-1)).toEqual(line(49));
    expect(kept.some((l) => l.line === '[41 lines not kept]')).toBe(true);
  });
});

describe('the caller of an Invoke', () => {
  it('reads the CLI, the SDKs and anything else from the user agent', () => {
    expect(callerOf({ 'user-agent': 'aws-cli/1.45.11 md/Botocore#1.43.11 Python/3.11.7 Linux/6 botocore/1.43.11' })).toBe('cli');
    expect(callerOf({ 'user-agent': 'aws-sdk-js/3.1163.0 ua/2.1 os/linux', 'x-amz-user-agent': 'aws-sdk-js/3.1163.0' })).toBe('sdk');
    expect(callerOf({ 'user-agent': 'Boto3/1.40.0 md/Botocore#1.40.0 Python/3.12' })).toBe('sdk');
    expect(callerOf({ 'user-agent': 'curl/8.5.0' })).toBe('api');
    expect(callerOf({})).toBe('api');
  });
});
