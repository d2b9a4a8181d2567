import type { ErrorInfo } from './model.ts';

/** `Type: message` of an error, for one line and hovers. */
export function errorHeadline(error: ErrorInfo | undefined): string {
  if (error === undefined) return '';
  return [error.type, error.message].filter((p) => p !== undefined && p !== '').join(': ') || 'failed without a message';
}
