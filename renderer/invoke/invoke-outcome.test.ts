import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../../shared/contract/invoke.ts';
import { checkEventText, prettyJson } from './event-text.ts';
import { formatMs, handlerErrorOf, isPlatformLine, isRunningDurable, reportFigures, retryWords, settledDurableResult, viewLogLine } from './invoke-outcome.ts';

const result = (over: Partial<InvokeResult>): InvokeResult => ({ requestId: 'r', statusCode: 200, payload: '{}', logs: [], ...over });

describe('event text', () => {
  it('sends {} for an empty editor and the text itself when it is JSON', () => {
    expect(checkEventText('  \n')).toEqual({ ok: true, payload: '{}' });
    expect(checkEventText('{"a": 1}')).toEqual({ ok: true, payload: '{"a": 1}' });
  });

  it('says where malformed JSON breaks', () => {
    const check = checkEventText('{\n  "a": 1,\n  "b": }');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toBe('The event is not valid JSON: line 3, column 8: expected a value.');
  });

  it('names the mistakes people make most', () => {
    const reason = (text: string) => {
      const check = checkEventText(text);
      return check.ok ? 'ok' : check.message.replace(/^.*column \d+: /, '');
    };
    expect(reason('{"a": 1,}')).toBe('a trailing comma before }.');
    expect(reason("{'a': 1}")).toBe('expected a property name in double quotes.');
    expect(reason('{"a": "x}')).toBe('a string is not closed.');
    expect(reason('[1, 2] 3')).toBe('unexpected text after the end of the JSON value.');
    expect(reason('{"a": [1, {"b": null, "c": -1.5e3, "d": "\\u00e9"}]}')).toBe('ok');
  });

  it('pretty-prints JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
});

describe('invoke outcome', () => {
  it('reads the error document of a failed invoke, stack included', () => {
    const failed = result({ functionError: 'Unhandled', payload: JSON.stringify({ errorType: 'TypeError', errorMessage: 'no luck', stackTrace: ['at a', 'at b'] }) });
    expect(handlerErrorOf(failed)).toEqual({ type: 'TypeError', message: 'no luck', stack: ['at a', 'at b'] });
    expect(handlerErrorOf(result({}))).toBeNull();
    const node = result({ functionError: 'Unhandled', payload: JSON.stringify({ errorType: 'Error', errorMessage: 'x', trace: ['Error: x', '    at h (index.mjs:1:2)'] }) });
    expect(handlerErrorOf(node)?.stack).toEqual(['    at h (index.mjs:1:2)']);
  });

  it('keeps a runtime failure whose payload is not JSON', () => {
    expect(handlerErrorOf(result({ functionError: 'Runtime.ExitError', payload: 'exited' }))).toEqual({ type: 'Runtime.ExitError', message: 'exited', stack: [] });
  });

  it('lists init duration only on a cold start', () => {
    const warm = reportFigures({ durationMs: 2.345, billedDurationMs: 3, memorySizeMb: 128, maxMemoryUsedMb: 61 });
    expect(warm.map((f) => f.value)).toEqual(['2.35 ms', '3 ms', '61 / 128 MB']);
    const cold = reportFigures({ durationMs: 1500, billedDurationMs: 1500, memorySizeMb: 128, maxMemoryUsedMb: 61, initDurationMs: 180.2 });
    expect(cold.at(-1)).toMatchObject({ label: 'Init', value: '180 ms' });
    expect(formatMs(1500)).toBe('1.50 s');
  });

  it('tells platform lines from the function\'s', () => {
    expect(isPlatformLine('REPORT RequestId: x\tDuration: 1 ms')).toBe(true);
    expect(isPlatformLine('2026-01-01T00:00:00Z\tx\tINFO\thello')).toBe(false);
  });

  it('shows runtime lines as time, level and message, and other lines whole', () => {
    expect(viewLogLine('2026-11-24T00:01:36.871Z\tfdab42ea-caf7-48ff-ae7c-cec33486e6ea\tINFO\tgreeting Ada')).toEqual({
      time: '00:01:36.871',
      level: 'INFO',
      message: 'greeting Ada',
      platform: false,
    });
    expect(viewLogLine('END RequestId: x')).toEqual({ message: 'END RequestId: x', platform: true });
    expect(viewLogLine('plain print')).toEqual({ message: 'plain print', platform: false });
  });

  it("reads the durable logger's JSON records: time, level, the operation and the message", () => {
    const line = JSON.stringify({
      requestId: 'r', timestamp: '2026-11-29T22:44:59.144Z', level: 'INFO', executionArn: 'arn:x', operationId: 'op', operationName: 'validate', attempt: 2,
      message: 'Approval requested', orderId: 'A-7',
    });
    expect(viewLogLine(line)).toEqual({ time: '22:44:59.144', level: 'INFO', message: '[validate #2] Approval requested {"orderId":"A-7"}', platform: false });
    expect(viewLogLine('{"level":"warn","message":{"a":1}}')).toEqual({ level: 'WARN', message: '{"a":1}', platform: false });
    // JSON that is not a log record stays as written.
    expect(viewLogLine('{"result": 1}')).toEqual({ message: '{"result": 1}', platform: false });
  });
});

describe('a durable invoke that answered while its execution runs', () => {
  const running = result({ statusCode: 202, durableExecutionArn: 'arn:x', payload: '{"DurableExecutionArn":"arn:x","Status":"RUNNING"}', logs: ['START'] });

  it('is told apart from a finished one', () => {
    expect(isRunningDurable(running)).toBe(true);
    expect(isRunningDurable(result({ durableExecutionArn: 'arn:x' }))).toBe(false);
    expect(isRunningDurable(result({ statusCode: 202 }))).toBe(false);
  });

  it('takes the result of the ended execution, keeping its logs and ARN', () => {
    expect(settledDurableResult(running, { Status: 'RUNNING' })).toBeNull();
    const done = settledDurableResult(running, { Status: 'SUCCEEDED', Result: '{"ok":true}' });
    expect(done).toMatchObject({ statusCode: 200, payload: '{"ok":true}', durableExecutionArn: 'arn:x', logs: ['START'] });
    expect(done?.functionError).toBeUndefined();
    expect(done !== null && isRunningDurable(done)).toBe(false);
  });

  it('turns a failed, stopped or timed-out execution into the error a synchronous invoke returns', () => {
    const failed = settledDurableResult(running, { Status: 'FAILED', Error: { ErrorType: 'Rejected', ErrorMessage: 'no budget', StackTrace: ['at x'] } });
    expect(failed?.functionError).toBe('Unhandled');
    expect(failed !== null && handlerErrorOf(failed)).toEqual({ type: 'Rejected', message: 'no budget', stack: ['at x'] });
    const stopped = settledDurableResult(running, { Status: 'STOPPED' });
    expect(stopped !== null && handlerErrorOf(stopped)).toMatchObject({ type: 'ExecutionStopped', message: 'The durable execution ended STOPPED.' });
  });
});

describe('a durable invoke whose invocations fail', () => {
  it('says which invocation failed of how many, with what, and when the next attempt comes', () => {
    const retry = { failedInvocations: 2, maxInvocations: 5, lastError: { ErrorType: 'TypeError', ErrorMessage: 'no luck today' }, nextAttemptMs: 10_000 };
    expect(retryWords(retry, 7_200)).toEqual({ failed: 'invocation 2 of 5 failed', error: 'TypeError: no luck today', next: 'Attempt 3 of 5 in 3 s.' });
    expect(retryWords({ failedInvocations: 1, maxInvocations: 5 }, 0)).toEqual({ failed: 'invocation 1 of 5 failed', next: 'Attempt 2 of 5 is running.' });
  });

  it('drops the retry state once the execution ended', () => {
    const running: InvokeResult = { requestId: 'r', statusCode: 202, payload: '{}', logs: [], durableExecutionArn: 'arn', invocationRetry: { failedInvocations: 4, maxInvocations: 5 } };
    expect(settledDurableResult(running, { Status: 'FAILED', Error: { ErrorType: 'TypeError', ErrorMessage: 'no luck today' } })?.invocationRetry).toBeUndefined();
  });
});
