import { StudioError } from '../contract/errors.ts';

/** Checks that a payload (an event, a callback result, a saved test event) is JSON, and says why not. */
export function assertJson(text: string, what: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StudioError('BAD_INPUT', `${what} is not valid JSON: ${reason}`);
  }
}
