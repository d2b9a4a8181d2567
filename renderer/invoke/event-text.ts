import { findJsonError } from '../../shared/json/json-error.ts';

/** What the event editor's text means for an invoke: a payload to send, or why it can't be sent. */
export type EventCheck = { ok: true; payload: string } | { ok: false; message: string };

/**
 * Checks the event text before anything runs, so a typo never reaches the handler. An empty
 * editor means `{}`, as in the Lambda console.
 */
export function checkEventText(text: string): EventCheck {
  if (text.trim() === '') return { ok: true, payload: '{}' };
  const error = findJsonError(text);
  if (error === undefined) return { ok: true, payload: text };
  return { ok: false, message: `The event is not valid JSON: line ${error.line}, column ${error.column}: ${error.reason}.` };
}

/** Pretty JSON when the text is JSON, the text as it is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
