import { describe, expect, it } from 'vitest';
import { readStack } from './stack-frames.ts';

const STACK = [
  'TypeError: no luck today',
  '    at check (/tmp/ws/functions/thrower/index.ts:3:33)',
  '    at handler (/tmp/ws/functions/thrower/lib/util.ts:4:36)',
  '    at file:///work/main/resources/bootstrap/node/bootstrap.mjs:137:80',
  '    at new Promise (<anonymous>)',
  '    at runHandler (file:///work/main/resources/bootstrap/node/bootstrap.mjs:116:10)',
  '    at main (file:///work/main/resources/bootstrap/node/bootstrap.mjs:168:28)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:103:5)',
];

describe('readStack', () => {
  it("leaves the studio's bootstrap and Node's internals out", () => {
    const lines = readStack(STACK, '/tmp/ws');
    expect(lines.map((l) => l.text)).toEqual(STACK.slice(0, 3));
  });

  it("links the workspace function's frames to their file, line and column", () => {
    const [, first, second] = readStack(STACK, '/tmp/ws/');
    expect(first).toMatchObject({ kind: 'source', fn: 'thrower', file: 'index.ts', line: 3, column: 33 });
    expect(second).toMatchObject({ kind: 'source', fn: 'thrower', file: 'lib/util.ts', line: 4, column: 36 });
  });

  it('links frames of a container to the function it runs, and leaves other paths as text', () => {
    const lines = readStack(['    at handler (/var/task/index.mjs:2:9)', '    at x (/home/me/elsewhere.js:1:1)', '    at Runtime.handler (/var/runtime/index.mjs:1:1)'], '/tmp/ws', 'boxed');
    expect(lines).toEqual([
      { kind: 'source', text: '    at handler (/var/task/index.mjs:2:9)', fn: 'boxed', file: 'index.mjs', line: 2, column: 9, before: '    at handler (', after: ')' },
      { kind: 'text', text: '    at x (/home/me/elsewhere.js:1:1)' },
    ]);
  });
});
