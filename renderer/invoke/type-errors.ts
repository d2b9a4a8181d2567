import type { ProblemRow } from '../problems/problems.ts';

/** The open function's errors in its code (not function.json), which its build would not stop for. */
export function codeErrors(rows: readonly ProblemRow[]): ProblemRow[] {
  return rows.filter((row) => row.severity === 'error' && row.file !== 'function.json');
}

/** `1 TypeScript error` / `3 errors` in the code, for the warning beside Invoke. */
export function codeErrorsText(errors: readonly ProblemRow[]): string {
  const typed = errors.every((row) => row.code?.startsWith('ts(') === true);
  const noun = typed ? 'TypeScript error' : 'error';
  return `${errors.length} ${noun}${errors.length === 1 ? '' : 's'}`;
}
