import { describe, expect, it } from 'vitest';
import { RULE_ERROR_TYPE, shapeAnswer } from './shape-answer.ts';

const scope = { event: { path: '/orders' }, context: { functionName: 'orders', trigger: 'http' } };
const ok = (value: unknown) => ({ payload: JSON.stringify(value), failed: false });
const failed = (errorType: string, errorMessage: string) => ({ payload: JSON.stringify({ errorType, errorMessage, trace: [] }), failed: true });

describe('shaping a function answer by its trigger rules', () => {
  it('leaves the answer alone without rules', () => {
    expect(shapeAnswer(undefined, ok({ a: 1 }), scope)).toEqual(ok({ a: 1 }));
    expect(shapeAnswer({ returns: [] }, failed('E', 'x'), scope)).toEqual(failed('E', 'x'));
  });

  it('reshapes a result with the first matching rule, a fallback otherwise', () => {
    const rules = { returns: [{ body: '{"statusCode": 200, "body": "ok"}' }, { when: 'result.items.size() == 0', body: '{"statusCode": 404, "body": "none at " + event.path}' }] };
    expect(JSON.parse(shapeAnswer(rules, ok({ items: [] }), scope).payload)).toEqual({ statusCode: 404, body: 'none at /orders' });
    expect(JSON.parse(shapeAnswer(rules, ok({ items: [1] }), scope).payload)).toEqual({ statusCode: 200, body: 'ok' });
  });

  it('turns a caught error into a success, and lets an unmatched one fail', () => {
    const rules = { catches: [{ error: 'NotFound', body: '{"statusCode": 404, "body": error.message}' }] };
    expect(shapeAnswer(rules, failed('NotFound', 'no order 7'), scope)).toEqual(ok({ statusCode: 404, body: 'no order 7' }));
    expect(shapeAnswer(rules, failed('TypeError', 'x is undefined'), scope)).toEqual(failed('TypeError', 'x is undefined'));
  });

  it('fails with the rule named when a rule cannot be evaluated', () => {
    const answer = shapeAnswer({ returns: [{ when: 'result.nope', body: '1' }] }, ok({}), scope);
    expect(answer.failed).toBe(true);
    expect(JSON.parse(answer.payload)).toMatchObject({ errorType: RULE_ERROR_TYPE, errorMessage: expect.stringMatching(/^returns\[0\]\.when: /) });
  });
});
