/** One line of a handler's stack, sorted out for people. */
export type StackLine =
  | { kind: 'text'; text: string }
  /** A frame in a file of a workspace function: shown as a link to that place. */
  | { kind: 'source'; text: string; fn: string; file: string; line: number; column: number; before: string; after: string };

// The studio's runtime bootstrap, Node's internals and the promise plumbing between them say
// nothing about the handler; Lambda's own console leaves its runtime out the same way.
const STUDIO_FRAME = /\/resources\/bootstrap\/|\/electron\/services\/|\(node:internal\/|\bnode:internal\/|^\s*at new Promise \(<anonymous>\)$|\/var\/runtime\//;

const LOCATION = /(?:file:\/\/)?(\/[^():\s]+):(\d+):(\d+)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The handler's stack without the studio's own frames, each frame in a function of this
 * workspace (`<workspace>/functions/<fn>/<file>:line:col`, or `/var/task/<file>` in a container
 * of the open function) linked to its source.
 */
export function readStack(lines: readonly string[], workspace: string | undefined, containerFn?: string): StackLine[] {
  const inWorkspace = workspace === undefined || workspace === '' ? null : new RegExp(`^${escapeRegExp(workspace.replace(/\/+$/, ''))}/functions/([^/]+)/(.+)$`);
  const out: StackLine[] = [];
  for (const text of lines) {
    if (STUDIO_FRAME.test(text)) continue;
    const at = LOCATION.exec(text);
    const path = at?.[1];
    if (at === null || path === undefined) {
      out.push({ kind: 'text', text });
      continue;
    }
    // The frame's words around the location stay as they are; the location becomes the link.
    const place = { line: Number(at[2]), column: Number(at[3]), before: text.slice(0, at.index), after: text.slice(at.index + at[0].length) };
    const local = inWorkspace?.exec(path);
    if (local?.[1] !== undefined && local[2] !== undefined) out.push({ kind: 'source', text, fn: local[1], file: local[2], ...place });
    else if (containerFn !== undefined && path.startsWith('/var/task/')) out.push({ kind: 'source', text, fn: containerFn, file: path.slice('/var/task/'.length), ...place });
    else out.push({ kind: 'text', text });
  }
  return out;
}
