const STORAGE_KEY = 'lambda-studio.callback-results';
/** Enough for every approval step of a workspace; the oldest go first. */
const KEEP = 100;

/** The answer templates every callback offers; they fit the order-approval template's `ApprovalDecision`. */
export const RESULT_TEMPLATES = [
  { id: 'approve', label: 'Approve', text: '{\n  "approved": true\n}' },
  { id: 'reject', label: 'Reject', text: '{\n  "approved": false\n}' },
] as const;
export type TemplateId = (typeof RESULT_TEMPLATES)[number]['id'] | 'last';

/** Which callbacks share a remembered answer: the same step of the same function, run after run. */
export function answerKey(functionName: string, stepPath: readonly string[]): string {
  return `${functionName}:${stepPath.join('/')}`;
}

function readAll(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The result last sent to a callback of this step, if any. */
export function lastResult(key: string): string | undefined {
  const value = readAll()[key];
  return typeof value === 'string' ? value : undefined;
}

export function rememberResult(key: string, text: string): void {
  const all = readAll();
  delete all[key];
  all[key] = text;
  const entries = Object.entries(all).slice(-KEEP);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage full or off: the answer was sent all the same, it is only not offered next time.
  }
}

/** The text a result editor opens with: the template asked for, else the last result of this step, else Approve. */
export function initialResult(key: string | undefined, template: TemplateId | undefined): string {
  const last = key === undefined ? undefined : lastResult(key);
  if (template === 'last' || template === undefined) return last ?? RESULT_TEMPLATES[0].text;
  return RESULT_TEMPLATES.find((t) => t.id === template)?.text ?? RESULT_TEMPLATES[0].text;
}

/**
 * The names from the outermost operation in to `op`, as the approvals inbox gives them: a
 * waitForCallback's callback carries its context's name, which is said once.
 */
export function stepPathOf(op: { id: string; name: string; parentId?: string | undefined }, ops: readonly { id: string; name: string; parentId?: string | undefined }[]): string[] {
  const byId = new Map(ops.map((o) => [o.id, o]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at: typeof op | undefined = op; at !== undefined && !seen.has(at.id); at = at.parentId === undefined ? undefined : byId.get(at.parentId)) {
    seen.add(at.id);
    if (at.name !== '' && at.name !== at.id && path[0] !== at.name) path.unshift(at.name);
  }
  return path;
}
