import { findJsonError } from './json-error.ts';

/** What the event editor's text means for an invoke: a payload to send, or why it can't be sent. */
export type EventCheck = { ok: true; payload: string } | { ok: false; message: string };

/** 1-based line and column of a character offset, for error messages people can find. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Checks the event text before anything runs, so a typo never reaches the handler. An empty
 * editor means `{}`, as in the Lambda console.
 */
export function checkEventText(text: string): EventCheck {
  if (text.trim() === '') return { ok: true, payload: '{}' };
  const error = findJsonError(text);
  if (error === null) return { ok: true, payload: text };
  const { line, column } = positionOf(text, error.offset);
  return { ok: false, message: `The event is not valid JSON: line ${line}, column ${column}: ${error.reason}.` };
}

/** Pretty JSON when the text is JSON, the text as it is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
