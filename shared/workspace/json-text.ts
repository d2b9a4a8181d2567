import { findJsonError } from '../json/json-error.ts';

/** Why JSON text does not parse, and where when that is known. */
export interface JsonSyntaxProblem {
  /** 1-based; absent when the text is empty or the parser gave no position. */
  line?: number;
  column?: number;
  reason: string;
}

/** What parsing JSON text gives: the value, or what is wrong with the text. */
export type JsonReading = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/**
 * The problem behind a `JSON.parse` error: V8's place and words where it names a place; where it
 * names none (an unexpected token in a value's place), the place and words of the JSON scanner.
 */
export function jsonSyntaxProblem(text: string, error: unknown): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    const found = findJsonError(text);
    return found === undefined ? { reason: message } : { line: found.line, column: found.column, reason: found.reason };
  }
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  const offset = Number(position);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), reason };
}

/** Parses JSON text without throwing; an empty text is a problem of its own. */
export function parseJsonText(text: string): JsonReading {
  if (text.trim() === '') return { ok: false, problem: { reason: 'the text is empty' } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: jsonSyntaxProblem(text, error) };
  }
}

/** One sentence for a person: `The payload is not valid JSON at line 3, column 1: Expected ','…`. */
export function describeJsonProblem(subject: string, problem: JsonSyntaxProblem): string {
  const where = problem.line === undefined ? '' : ` at line ${problem.line}, column ${problem.column ?? 1}`;
  return `${subject} is not valid JSON${where}: ${problem.reason}`;
}
