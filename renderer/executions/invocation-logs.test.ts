import { describe, expect, it } from 'vitest';
import type { InvocationWithLines } from '../../shared/contract/invocations.ts';
import { attemptLines, invocationLogViews } from './invocation-logs.ts';
import type { HistoryRow, OperationView } from './model.ts';

const at = (ms: number) => new Date(ms).toISOString();
const runtime = (ms: number, id: string, text: string) => ({ timestamp: at(ms), line: `${at(ms)}\t${id}\tINFO\t${text}` });

function invocation(id: string, startMs: number, endMs: number, lines: { timestamp: string; line: string }[]): InvocationWithLines {
  return {
    requestId: id,
    functionName: 'orders',
    version: '$LATEST',
    caller: 'durable',
    status: 'succeeded',
    startMs,
    endMs,
    lineCount: lines.length + 2,
    lines: [{ timestamp: at(startMs), line: `START RequestId: ${id} Version: $LATEST` }, ...lines, { timestamp: at(endMs), line: `REPORT RequestId: ${id}\tDuration: 1 ms` }],
  };
}

const first = invocation('r1', 1000, 1100, [runtime(1010, 'r1', 'handling order A-1'), runtime(1030, 'r1', 'validating order A-1')]);
const second = invocation('r2', 5000, 5100, [runtime(5010, 'r2', 'handling order A-1'), runtime(5050, 'r2', 'charging A-1')]);

describe('an execution\u2019s invocation logs', () => {
  it('marks a line an earlier invocation wrote as replayed, platform lines never', () => {
    const views = invocationLogViews([first, second]);
    expect(views[0]?.lines.map((l) => l.replayed)).toEqual([false, false, false, false]);
    expect(views[1]?.lines.map((l) => [l.platform, l.replayed])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [true, false],
    ]);
  });

  it('gives a step the new lines its invocation wrote up to the attempt\u2019s end, after the last checkpoint of another operation', () => {
    const views = invocationLogViews([first, second]);
    const step = (id: string, startMs: number, endMs: number): OperationView => ({ id, name: id, type: 'STEP', status: 'SUCCEEDED', startMs, endMs, attempts: [{ number: 1, startMs, endMs, status: 'SUCCEEDED' }] });
    const history: HistoryRow[] = [
      { index: 0, eventType: 'StepSucceeded', timestampMs: 1040, operationId: 'validate', raw: {} },
      { index: 1, eventType: 'CallbackSucceeded', timestampMs: 4000, operationId: 'approval', raw: {} },
      { index: 2, eventType: 'InvocationCompleted', timestampMs: 5001, raw: {} },
      { index: 3, eventType: 'StepSucceeded', timestampMs: 5060, operationId: 'process', raw: {} },
    ];
    const validate = attemptLines(step('validate', 1040, 1040), views, history, 9000).map((l) => l.line);
    expect(validate.some((l) => l.endsWith('validating order A-1'))).toBe(true);
    expect(validate.some((l) => l.endsWith('charging A-1'))).toBe(false);
    const processLines = attemptLines(step('process', 5060, 5060), views, history, 9000).map((l) => l.line);
    // The replayed line of the second invocation is not the step's.
    expect(processLines).toEqual([`${at(5050)}\tr2\tINFO\tcharging A-1`]);
  });
});
