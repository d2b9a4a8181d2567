import { z } from 'zod';

/**
 * Why a contract call failed. Codes are stable so the renderer can react to them;
 * the message is written for a person.
 */
export const ErrorCode = z.enum([
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CONFIG',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The error half of a call's result as it crosses a transport. */
export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Longer detail (validation issues, a stack) shown folded under the message. */
  details: z.string().optional(),
});
export type WireError = z.infer<typeof WireError>;

/** What every transport returns for a call: a value or an error, never a thrown exception. */
export type WireResult = { ok: true; value: unknown } | { ok: false; error: WireError };

/** An error with a contract code; services throw it and the hosts turn it into a `WireError`. */
export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly details: string | undefined;

  constructor(code: ErrorCode, message: string, details?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StudioError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns zod issues into one readable line per problem, with the path that failed. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}
