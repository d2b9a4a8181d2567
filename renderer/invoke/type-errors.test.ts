import { describe, expect, it } from 'vitest';
import type { ProblemRow } from '../problems/problems.ts';
import { codeErrors, codeErrorsText } from './type-errors.ts';

const row = (patch: Partial<ProblemRow>): ProblemRow => ({ key: String(Math.random()), file: 'index.ts', line: 1, column: 1, severity: 'error', message: 'm', code: 'ts(2322)', ...patch });

describe('the code errors Invoke warns about', () => {
  it("counts the code's errors, not its warnings nor function.json's problems", () => {
    const rows = [row({}), row({ severity: 'warning' }), row({ file: 'function.json', code: undefined }), row({ line: 9 })];
    expect(codeErrors(rows).map((r) => r.line)).toEqual([1, 9]);
  });

  it('names them TypeScript errors when TypeScript reported them', () => {
    expect(codeErrorsText([row({})])).toBe('1 TypeScript error');
    expect(codeErrorsText([row({}), row({ code: undefined })])).toBe('2 errors');
  });
});
