import { z } from 'zod';
import { celSyntaxError, evaluateCel, evaluateCelBool } from '../workflow/cel.ts';

/**
 * Response shaping by CEL rules, one implementation for the workflow canvas's Lambda block and
 * for a function's triggers: `returns` rules reshape a result, `catches` rules turn an error into
 * a result. A rule with `when` applies when it holds; a rule without `when` is a fallback, used
 * only when no rule's `when` holds, so an explicit match beats a fallback wherever it stands.
 */

const Cel = z.string().max(10_000);

export const ReturnRule = z
  .object({
    /** Without `when` the rule is a fallback: used only when no rule with a matching `when` exists. */
    when: Cel.optional(),
    body: Cel,
  })
  .strict();
export type ReturnRule = z.infer<typeof ReturnRule>;

export const CatchRule = z
  .object({
    /** The error type (Lambda's `errorType`) this rule catches; absent catches any. */
    error: z.string().min(1).max(256).optional(),
    when: Cel.optional(),
    body: Cel,
  })
  .strict();
export type CatchRule = z.infer<typeof CatchRule>;

/** A rule's expression failed to parse or evaluate; `field` is the rule's place, e.g. `returns[1].when`. */
export class RuleError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'RuleError';
    this.field = field;
    this.reason = reason;
  }
}

function evalAt(field: string, source: string, vars: Record<string, unknown>): unknown {
  try {
    return evaluateCel(source, vars);
  } catch (error) {
    throw new RuleError(field, error instanceof Error ? error.message : String(error));
  }
}

function holdsAt(field: string, source: string, vars: Record<string, unknown>): boolean {
  try {
    return evaluateCelBool(source, vars);
  } catch (error) {
    throw new RuleError(field, error instanceof Error ? error.message : String(error));
  }
}

/**
 * The rule a result or error takes: the first whose `when` holds; failing that, the first
 * without `when`. `applies` narrows the rules first (a catch rule's error type).
 */
export function pickRule<R extends { when?: string | undefined }>(field: string, rules: readonly R[], vars: Record<string, unknown>, applies: (rule: R) => boolean = () => true): { rule: R; at: number } | undefined {
  for (const [at, rule] of rules.entries()) {
    if (rule.when !== undefined && applies(rule) && holdsAt(`${field}[${at}].when`, rule.when, vars)) return { rule, at };
  }
  for (const [at, rule] of rules.entries()) if (rule.when === undefined && applies(rule)) return { rule, at };
  return undefined;
}

/** An error as rules see it (`error.code` and `error.type` are both Lambda's `errorType`). */
export interface RuleErrorValue {
  code: string;
  type: string;
  message: string;
  data: unknown;
}

/** The result after the `returns` rules: the chosen rule's body, or the result itself when none applies. Throws RuleError. */
export function shapeResult(rules: readonly ReturnRule[], vars: Record<string, unknown> & { result: unknown }): unknown {
  if (rules.length === 0) return vars.result;
  const chosen = pickRule('returns', rules, vars);
  return chosen === undefined ? vars.result : evalAt(`returns[${chosen.at}].body`, chosen.rule.body, vars);
}

/** The result a `catches` rule makes of an error, or `caught: false` when none applies (the error goes on). Throws RuleError. */
export function catchError(rules: readonly CatchRule[], vars: Record<string, unknown> & { error: RuleErrorValue }): { caught: true; value: unknown } | { caught: false } {
  const caught = pickRule('catches', rules, vars, (rule) => rule.error === undefined || rule.error === vars.error.type);
  if (caught === undefined) return { caught: false };
  return { caught: true, value: evalAt(`catches[${caught.at}].body`, caught.rule.body, vars) };
}

/** Each expression of the rules that does not parse, with its place (`returns[0].body`) and why. */
export function ruleSyntaxErrors(rules: { returns?: readonly ReturnRule[]; catches?: readonly CatchRule[] }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const check = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    const error = celSyntaxError(source);
    if (error !== undefined) problems.push({ field, message: error });
  };
  (rules.returns ?? []).forEach((rule, i) => {
    check(`returns[${i}].when`, rule.when);
    check(`returns[${i}].body`, rule.body);
  });
  (rules.catches ?? []).forEach((rule, i) => {
    check(`catches[${i}].when`, rule.when);
    check(`catches[${i}].body`, rule.body);
  });
  return problems;
}
