import { describe, expect, it } from 'vitest';
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

describe('execution logs', () => {
  it('files the durable logger’s lines under their execution and operation, and leaves plain lines out', () => {
    const s = source();
    const logs = createExecutionLogs(s);
    s.write('START RequestId: req-1 Version: $LATEST');
    s.write(durable('arn:a', { message: 'top level' }));
    s.write('2026-01-01T00:00:01.000Z\treq-1\tINFO\tplain console line');
    s.write(durable('arn:a', { operationId: 'op-1', operationName: 'one', attempt: 2, level: 'WARN', message: 'inside one' }));
    s.write(durable('arn:b', { message: { structured: true } }));
    s.write('{"not": "durable"}');
    expect(logs.lines('arn:a')).toEqual([
      { timestamp: '2026-01-01T00:00:01.000Z', level: 'INFO', message: 'top level', requestId: 'req-1' },
      { timestamp: '2026-01-01T00:00:01.000Z', level: 'WARN', message: 'inside one', requestId: 'req-1', operationId: 'op-1', operationName: 'one', attempt: 2 },
    ]);
    expect(logs.lines('arn:b')[0]?.message).toBe('{"structured":true}');
    expect(logs.lines('arn:none')).toEqual([]);
  });

  it('keeps the newest lines within its limits and stops listening when closed', () => {
    const s = source();
    const logs = createExecutionLogs(s, { perExecution: 2, executions: 2 });
    for (const m of ['1', '2', '3']) s.write(durable('arn:a', { message: m }));
    expect(logs.lines('arn:a').map((l) => l.message)).toEqual(['2', '3']);
    s.write(durable('arn:b', { message: 'b' }));
    s.write(durable('arn:c', { message: 'c' }));
    expect(logs.lines('arn:a')).toEqual([]);
    logs.close();
    s.write(durable('arn:c', { message: 'after close' }));
    expect(logs.lines('arn:c').map((l) => l.message)).toEqual(['c']);
  });
});
