// The form's current edits as function.json text, for the switch to the JSON view.
let provider: (() => string | null) | null = null;

export function setPendingFormText(next: (() => string | null) | null): void {
  provider = next;
}

/** The form's edits as text, or null when a field is not valid (the form then shows why). */
export function pendingFormText(): string | null {
  return provider === null ? null : provider();
}
