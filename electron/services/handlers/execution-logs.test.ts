import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecutionLogs, type LogSource } from './execution-logs.ts';

function source(): LogSource & { write(line: string): void } {
  let listener: Parameters<LogSource['onLog']>[0] = () => {};
  return {
    onLog(l) {
      listener = l;
      return () => (listener = () => {});
    },
    write: (line) => listener({ line, requestId: 'req-1', timestamp: '2026-01-01T00:00:00.000Z' }),
  };
}

const durable = (arn: string, extra: Record<string, unknown>) => JSON.stringify({ requestId: 'req-1', timestamp: '2026-01-01T00:00:01.000Z', level: 'INFO', executionArn: arn, ...extra });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'execution-logs-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('execution logs', () => {
  it('files the durable logger’s lines under their execution and operation, and leaves plain lines out', async () => {
    const s = source();
    const logs = createExecutionLogs(s);
    s.write('START RequestId: req-1 Version: $LATEST');
    s.write(durable('arn:a', { message: 'top level' }));
    s.write('2026-01-01T00:00:01.000Z\treq-1\tINFO\tplain console line');
    s.write(durable('arn:a', { operationId: 'op-1', operationName: 'one', attempt: 2, level: 'WARN', message: 'inside one' }));
    s.write(durable('arn:b', { message: { structured: true } }));
    s.write('{"not": "durable"}');
    expect(await logs.lines('arn:a')).toEqual([
      { timestamp: '2026-01-01T00:00:01.000Z', level: 'INFO', message: 'top level', requestId: 'req-1' },
      { timestamp: '2026-01-01T00:00:01.000Z', level: 'WARN', message: 'inside one', requestId: 'req-1', operationId: 'op-1', operationName: 'one', attempt: 2 },
    ]);
    expect((await logs.lines('arn:b'))[0]?.message).toBe('{"structured":true}');
    expect(await logs.lines('arn:none')).toEqual([]);
    await logs.close();
  });

  it('keeps the newest lines in memory within its limits and stops listening when closed', async () => {
    const s = source();
    const logs = createExecutionLogs(s, { limits: { perExecution: 2, executions: 2 } });
    for (const m of ['1', '2', '3']) s.write(durable('arn:a', { message: m }));
    expect((await logs.lines('arn:a')).map((l) => l.message)).toEqual(['2', '3']);
    s.write(durable('arn:b', { message: 'b' }));
    s.write(durable('arn:c', { message: 'c' }));
    expect(await logs.lines('arn:a')).toEqual([]);
    await logs.close();
    s.write(durable('arn:c', { message: 'after close' }));
    expect((await logs.lines('arn:c')).map((l) => l.message)).toEqual(['c']);
  });

  it('keeps lines on disk, so a new studio on the same folder reads them back', async () => {
    const first = source();
    const before = createExecutionLogs(first, { dir });
    first.write(durable('arn:kept', { operationId: 'op', message: 'written before the restart' }));
    await before.close();
    expect(await readdir(dir)).toHaveLength(1);

    const after = createExecutionLogs(source(), { dir });
    expect(await after.lines('arn:kept')).toEqual([
      { timestamp: '2026-01-01T00:00:01.000Z', level: 'INFO', message: 'written before the restart', requestId: 'req-1', operationId: 'op' },
    ]);
    await after.close();
  });
});
