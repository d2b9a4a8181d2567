import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkflowCode } from '../../../shared/workflow/export-code.ts';
import { CONTROL_FLOW_GRAPH, LAMBDA_GRAPH } from '../../../shared/workflow/test-graphs.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-code-'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportWorkflowCode', () => {
  it('writes one durable call per block, named after the block', () => {
    const code = exportWorkflowCode('orders', CONTROL_FLOW_GRAPH);
    for (const id of ['double', 'check', 'left', 'right', 'route', 'a', 'b', 'join', 'done']) expect(code).toContain(`ctx.step("${id}"`);
    expect(code).toContain('ctx.map("each"');
    expect(code).toContain('ctx.parallel("both"');
    expect(code).toContain('{ maxConcurrency: 2, completionConfig: { toleratedFailureCount: 0 }, itemNamer: (_item: unknown, index: number) => `each[${index}]` }');
    const lambda = exportWorkflowCode('calls', LAMBDA_GRAPH);
    expect(lambda).toContain('lambdaBlock(ctx, "echo", "wf-echo"');
    expect(lambda).toContain('ctx.wait("pause", { seconds: 3600 })');
    expect(lambda).toContain('ctx.waitForCallback<string>("ok"');
  });

  it('generates TypeScript that compiles under the strictest settings', async () => {
    const files = ['control.ts', 'lambda.ts'];
    await writeFile(join(dir, files[0] as string), exportWorkflowCode('control', CONTROL_FLOW_GRAPH));
    await writeFile(join(dir, files[1] as string), exportWorkflowCode('lambda', LAMBDA_GRAPH));
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        skipLibCheck: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        types: ['node'],
      },
      files,
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const result = await promisify(execFile)(tsc, ['-p', join(dir, 'tsconfig.json')]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  });
});
