/** An error as the interface shows it: one sentence, with optional detail folded under it. */
export interface Failure {
  message: string;
  details?: string | undefined;
}

function hasMessage(value: unknown): value is { message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * Turns anything thrown into something a person can read. A contract error keeps the
 * host's message and details; a plain Error keeps its stack as detail; nothing ends up
 * as `[object Object]`.
 */
export function toFailure(error: unknown, context?: string): Failure {
  const prefix = context === undefined ? '' : `${context}: `;
  if (hasMessage(error)) {
    const details = (error as { details?: unknown }).details;
    const stack = (error as { stack?: unknown }).stack;
    return {
      message: `${prefix}${error.message}`,
      details: typeof details === 'string' ? details : typeof stack === 'string' ? stack : undefined,
    };
  }
  if (typeof error === 'string') return { message: `${prefix}${error}` };
  let text: string;
  try {
    text = JSON.stringify(error);
  } catch {
    text = String(error);
  }
  return { message: `${prefix}something went wrong.`, details: text };
}
