import { catchError, type CatchRule, RuleError, type ReturnRule, shapeResult } from './response-rules.ts';

/** A function's answer: its payload text, and whether it is Lambda's error document. */
export interface Answer {
  payload: string;
  failed: boolean;
}

/** The error type of an answer whose rule could not be evaluated. */
export const RULE_ERROR_TYPE = 'Studio.ResponseRuleError';

function parse(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Applies a trigger's `returns` and `catches` rules to a function's answer: a result goes through
 * `returns` (over `{event, context, result}`), an error through `catches` (over `{event, context,
 * error}`, `error` holding `code`/`type` = the errorType, `message` and `data` = the whole error
 * document); a caught error becomes the rule's body as a success, an error no rule catches stays
 * as it was. A rule that cannot be evaluated fails the answer with Studio.ResponseRuleError,
 * naming the rule (`returns[1].when: …`).
 */
export function shapeAnswer(rules: { returns?: readonly ReturnRule[] | undefined; catches?: readonly CatchRule[] | undefined } | undefined, answer: Answer, scope: { event: unknown; context: Record<string, unknown> }): Answer {
  const returns = rules?.returns ?? [];
  const catches = rules?.catches ?? [];
  try {
    if (answer.failed) {
      if (catches.length === 0) return answer;
      const doc = parse(answer.payload);
      const fields = doc !== null && typeof doc === 'object' ? (doc as { errorType?: unknown; errorMessage?: unknown }) : {};
      const type = typeof fields.errorType === 'string' ? fields.errorType : 'Unhandled';
      const message = typeof fields.errorMessage === 'string' ? fields.errorMessage : '';
      const caught = catchError(catches, { ...scope, error: { code: type, type, message, data: doc } });
      return caught.caught ? { payload: JSON.stringify(caught.value ?? null), failed: false } : answer;
    }
    if (returns.length === 0) return answer;
    return { payload: JSON.stringify(shapeResult(returns, { ...scope, result: parse(answer.payload) }) ?? null), failed: false };
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    return { payload: JSON.stringify({ errorType: RULE_ERROR_TYPE, errorMessage: error.message }), failed: true };
  }
}
