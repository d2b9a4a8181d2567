import { describe, expect, it } from 'vitest';
import { catchError, RuleError, ruleSyntaxErrors, shapeResult } from './response-rules.ts';

const error = (type: string, message = 'went wrong') => ({ code: type, type, message, data: null });

describe('returns rules', () => {
  const rules = [{ body: '"fallback"' }, { when: 'result.n > 10', body: '"big"' }, { when: 'result.n > 5', body: '"medium"' }];

  it('takes the first rule whose when holds, in order', () => {
    expect(shapeResult(rules, { event: {}, context: {}, result: { n: 20 } })).toBe('big');
    expect(shapeResult(rules, { event: {}, context: {}, result: { n: 7 } })).toBe('medium');
  });

  it('uses a fallback only when no when holds, wherever it stands', () => {
    expect(shapeResult(rules, { event: {}, context: {}, result: { n: 1 } })).toBe('fallback');
  });

  it('leaves the result as it is without rules, or when none applies', () => {
    expect(shapeResult([], { result: { n: 1 } })).toEqual({ n: 1 });
    expect(shapeResult([{ when: 'false', body: '1' }], { result: 'kept' })).toBe('kept');
  });

  it('reads event, context and result, and builds new values', () => {
    expect(shapeResult([{ body: '{"id": event.id, "total": result.total + 1, "by": context.functionName}' }], { event: { id: 'a' }, context: { functionName: 'f' }, result: { total: 41 } })).toEqual({ id: 'a', total: 42, by: 'f' });
  });

  it('reports an expression that fails with its rule position', () => {
    expect(() => shapeResult([{ when: 'result.missing == 1', body: '1' }], { result: {} })).toThrow(RuleError);
    expect(() => shapeResult([{ when: 'result.missing == 1', body: '1' }], { result: {} })).toThrow(/^returns\[0\]\.when: .*missing/);
    expect(() => shapeResult([{ when: 'true', body: '1' }, { when: '"yes"', body: '2' }], { result: {} })).not.toThrow();
    expect(() => shapeResult([{ when: '"yes"', body: '2' }], { result: {} })).toThrow(/returns\[0\]\.when: must give true or false/);
  });
});

describe('catches rules', () => {
  // Among fallbacks the first applicable one wins, so the catch-all stands last.
  const rules = [{ error: 'OrderError', body: '{"status": "order", "why": error.message}' }, { body: '{"status": "unknown"}' }, { error: 'OrderError', when: 'error.message.contains("stock")', body: '{"status": "out of stock"}' }];

  it('takes a rule for the error type, an explicit when first, and a fallback last', () => {
    expect(catchError(rules, { event: {}, error: error('OrderError', 'no stock left') })).toEqual({ caught: true, value: { status: 'out of stock' } });
    expect(catchError(rules, { event: {}, error: error('OrderError', 'bad card') })).toEqual({ caught: true, value: { status: 'order', why: 'bad card' } });
    expect(catchError(rules, { event: {}, error: error('TypeError') })).toEqual({ caught: true, value: { status: 'unknown' } });
  });

  it('lets an error no rule catches go on', () => {
    expect(catchError([{ error: 'OrderError', body: '1' }], { error: error('TypeError') })).toEqual({ caught: false });
    expect(catchError([], { error: error('TypeError') })).toEqual({ caught: false });
  });
});

describe('syntax errors', () => {
  it('names each rule expression that does not parse', () => {
    const problems = ruleSyntaxErrors({ returns: [{ body: 'result' }, { when: 'result.n >', body: '1' }], catches: [{ error: 'E', body: '{"a": }' }] });
    expect(problems.map((p) => p.field)).toEqual(['returns[1].when', 'catches[0].body']);
    expect(problems[0]?.message).not.toBe('');
  });
});
