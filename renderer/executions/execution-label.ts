/** Names the local service and AWS give an execution started without one: its id, a UUID. */
const GENERATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a person chose this execution name, rather than the service making one up. */
export function isGivenName(name: string): boolean {
  return !GENERATED.test(name);
}

/** An execution's input on one line, compacted and cut to `max` characters: what people recognise an unnamed run by. */
export function inputPreview(input: string | undefined, max = 60): string | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  let text = input.trim();
  try {
    text = JSON.stringify(JSON.parse(text));
  } catch {
    text = text.replace(/\s+/g, ' ');
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** How a list names an execution: the name it was given, else the start of its input, else its id. */
export function executionTitle(name: string, input: string | undefined): string {
  if (isGivenName(name)) return name;
  return inputPreview(input) ?? name;
}
