/// <reference lib="dom" />
// The workflow canvas and the workflow runner, measured in one run:
//   1. A 300-block workflow opened in Debian's Chromium against the real `serve`: time to first
//      render (click on the workflow -> its blocks painted; target under 1 s), and frames per
//      second while a block is dragged across the canvas (target over 30 fps).
//   2. A Map over 1,000 items with concurrency 50, each item a Lambda block, run by the workflow
//      runner on the local engine (official SDK, process sandboxes), against the same 1,000
//      invokes of the same function made one after another through the SDK's LambdaClient.
// Run: node --disable-warning=ExperimentalWarning bench/canvas.ts [blocks] [items]
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStudioServer, type StudioServer } from '../electron/server/serve.ts';
import { formatWorkflow } from '../shared/workflow/file-format.ts';
import { WorkflowGraph } from '../shared/workflow/schema.ts';

const blockCount = Number(process.argv[2] ?? 300);
const itemCount = Number(process.argv[3] ?? 1000);
const root = join(import.meta.dirname, '..');

/** A chain Input -> transforms -> Output, laid out in rows of 20. */
function bigGraph(count: number): WorkflowGraph {
  const ids = Array.from({ length: count }, (_, i) => (i === 0 ? 'start' : i === count - 1 ? 'done' : `t${i}`));
  const blocks = ids.map((id, i) => {
    const position = { x: (i % 20) * 260, y: Math.floor(i / 20) * 140 };
    if (i === 0) return { id, type: 'input', position, sample: { n: 1 } };
    if (i === count - 1) return { id, type: 'output', position };
    return { id, type: 'transform', position, expression: 'data' };
  });
  const edges = ids.slice(1).map((target, i) => ({ id: `e${i}`, source: ids[i] as string, target }));
  return WorkflowGraph.parse({ blocks, edges });
}

/** Input -> Map (concurrency 50) with one Lambda block inside -> Output. */
const fanOut = WorkflowGraph.parse({
  blocks: [
    { id: 'start', type: 'input', position: { x: 0, y: 0 } },
    { id: 'each', type: 'map', position: { x: 0, y: 120 }, size: { width: 300, height: 160 }, items: 'data', maxConcurrency: 50 },
    { id: 'work', type: 'lambda', parent: 'each', position: { x: 40, y: 50 }, function: 'work' },
    { id: 'done', type: 'output', position: { x: 0, y: 340 }, expression: 'size(data)' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'each' },
    { id: 'e2', source: 'each', target: 'done' },
  ],
});

async function api(server: StudioServer, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string; details?: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}\n${body.error?.details ?? ''}`);
  return body.value;
}

async function measureCanvas(server: StudioServer): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.goto(server.url);
    await page.getByTestId('activity-workflows').click();
    const row = page.getByTestId('workflow-row').filter({ hasText: 'big' });
    await row.waitFor();
    const firstRenderMs = await page.evaluate(async (expected) => {
      const target = document.querySelector<HTMLElement>('[data-testid="workflow-open-big"]');
      if (target === null) throw new Error('no workflow row');
      const t0 = performance.now();
      target.click();
      return new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelectorAll('.react-flow__node').length >= expected) requestAnimationFrame(() => resolve(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        check();
      });
    }, Math.min(blockCount, 40));
    const rendered = await page.locator('.react-flow__node').count();

    // Drag a block on screen across the canvas, one mouse move per frame's worth of time.
    const node = page.locator('.react-flow__node').nth(3);
    const box = await node.boundingBox();
    if (box === null) throw new Error('the block to drag is not on screen');
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __counting: boolean };
      w.__frames = [];
      w.__counting = true;
      const tick = (now: number) => {
        w.__frames.push(now);
        if (w.__counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const x0 = box.x + box.width / 2;
    const y0 = box.y + box.height / 2;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    const moves = 120;
    for (let i = 1; i <= moves; i++) await page.mouse.move(x0 + i * 4, y0 + Math.sin(i / 10) * 80);
    await page.mouse.up();
    const after = await node.boundingBox();
    if (after === null || Math.abs(after.x - box.x) < 100) throw new Error('the dragged block did not move');
    const drag = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __counting: boolean };
      w.__counting = false;
      const frames = w.__frames;
      const span = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
      const deltas = frames.slice(1).map((t, i) => t - (frames[i] ?? t));
      return { frames: frames.length, spanMs: span, worstMs: Math.max(...deltas) };
    });
    const fps = ((drag.frames - 1) * 1000) / drag.spanMs;
    console.log(`canvas: ${blockCount} blocks, ${rendered} drawn`);
    console.log(`first render   ${firstRenderMs.toFixed(0)} ms   (target < 1000 ms: ${firstRenderMs < 1000 ? 'met' : 'MISSED'})`);
    console.log(`drag           ${fps.toFixed(1)} fps over ${(drag.spanMs / 1000).toFixed(2)} s, ${moves} moves, worst frame ${drag.worstMs.toFixed(1)} ms   (target > 30 fps: ${fps > 30 ? 'met' : 'MISSED'})`);
  } finally {
    await browser.close();
  }
}

async function measureMap(server: StudioServer): Promise<void> {
  const items = Array.from({ length: itemCount }, (_, i) => i);
  // Warm-up: the runner's first run bundles and registers it; its first sandboxes start.
  const warm = (await api(server, 'workflows.run', { name: 'fanout', payload: JSON.stringify(items.slice(0, 50)) })) as { executionArn: string };
  await waitForEnd(server, warm.executionArn);

  const t0 = performance.now();
  const run = (await api(server, 'workflows.run', { name: 'fanout', payload: JSON.stringify(items) })) as { executionArn: string };
  const result = await waitForEnd(server, run.executionArn);
  const mapMs = performance.now() - t0;
  if (result !== String(itemCount)) throw new Error(`the Map answered ${result}`);

  const client = new LambdaClient({ endpoint: server.lambdaEndpoint, region: server.lambdaAccess.region, credentials: server.lambdaAccess });
  await client.send(new InvokeCommand({ FunctionName: 'work', Payload: Buffer.from(JSON.stringify({ data: -1 })) }));
  const t1 = performance.now();
  for (const item of items) {
    const out = await client.send(new InvokeCommand({ FunctionName: 'work', Payload: Buffer.from(JSON.stringify({ data: item })) }));
    if (out.FunctionError !== undefined) throw new Error(`invoke failed: ${Buffer.from(out.Payload ?? []).toString()}`);
  }
  const sequentialMs = performance.now() - t1;
  client.destroy();
  console.log(`map: ${itemCount} items, concurrency 50, through the workflow runner   ${(mapMs / 1000).toFixed(2)} s   (${((itemCount * 1000) / mapMs).toFixed(0)} items/s)`);
  console.log(`baseline: the same ${itemCount} invokes one after another (LambdaClient)   ${(sequentialMs / 1000).toFixed(2)} s   (${((itemCount * 1000) / sequentialMs).toFixed(0)} invokes/s)`);
  console.log(`ratio: the Map takes ${(mapMs / sequentialMs).toFixed(2)} x the time of the sequential invokes (${(sequentialMs / mapMs).toFixed(2)} x faster)`);
}

/** Polls the execution until it ends; returns its result text. */
async function waitForEnd(server: StudioServer, arn: string): Promise<string | undefined> {
  for (;;) {
    const detail = (await api(server, 'executions.get', { arn })) as { Status: string; Result?: string; Error?: { ErrorMessage?: string } };
    if (detail.Status !== 'RUNNING') {
      if (detail.Status !== 'SUCCEEDED') throw new Error(`the run ended ${detail.Status}: ${detail.Error?.ErrorMessage ?? ''}`);
      return detail.Result;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
const workspace = await mkdtemp(join(tmpdir(), 'bench-canvas-'));
await mkdir(join(workspace, 'workflows'), { recursive: true });
await writeFile(join(workspace, 'workflows', 'big.workflow.json'), formatWorkflow(bigGraph(blockCount)));
await writeFile(join(workspace, 'workflows', 'fanout.workflow.json'), formatWorkflow(fanOut));
const fnDir = join(workspace, 'functions', 'work');
await mkdir(fnDir, { recursive: true });
await writeFile(join(fnDir, 'index.mjs'), 'export const handler = async (event) => ({ doubled: event.data * 2 });\n');
await writeFile(join(fnDir, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 128, timeout: 30 }));

const server = await startStudioServer({ workspaceDir: workspace, port: 0 });
try {
  await measureCanvas(server);
  await measureMap(server);
} finally {
  await server.close();
  await rm(workspace, { recursive: true, force: true });
}
