import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Api } from '../shared/contract/client.ts';
import { expect, test } from './fixtures/studio.ts';
import type { ServeHandle } from './fixtures/serve.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { hostApi, startOrder } from './pages/executions-host.ts';
import { InvokePanelPage } from './pages/invoke-panel-page.ts';
import type { StudioPage } from './pages/studio-page.ts';

const run = promisify(execFile);

function nameOf(arn: string): string {
  return arn.split('/').at(-2) ?? arn;
}

/** Both themes at the two window sizes a laptop and a large screen give. */
async function shots(studio: StudioPage, name: string): Promise<void> {
  await studio.screenshotBothThemes(name);
  await studio.page.setViewportSize({ width: 1000, height: 700 });
  await studio.screenshotBothThemes(`${name}-1000`);
  await studio.page.setViewportSize({ width: 1400, height: 900 });
}

/** Makes the order template write a plain console line on every invocation, and one inside its validate step. */
async function logEachInvocation(serve: ServeHandle, functionName: string): Promise<void> {
  const file = join(serve.workspace, 'functions', functionName, 'index.ts');
  const source = await readFile(file, 'utf8');
  const start = 'async function orderApproval(event: OrderEvent, context: DurableContext): Promise<OrderResult> {\n';
  const validate = "  const order = await context.step('validate', async () => {\n";
  if (!source.includes(start) || !source.includes(validate)) throw new Error('the order approval template changed shape; this test edits it');
  await writeFile(
    file,
    source.replace(start, `${start}  console.log('handling order', event.orderId);\n`).replace(validate, `${validate}    console.log('validating order', event.orderId);\n`),
  );
}

async function approve(api: Api, arn: string): Promise<void> {
  await expect.poll(async () => (await api.call('callbacks.pending', {})).some((c) => c.executionArn === arn), { timeout: 30_000 }).toBe(true);
  const callback = (await api.call('callbacks.pending', {})).find((c) => c.executionArn === arn);
  await api.call('callbacks.succeed', { callbackId: callback?.callbackId ?? '', result: '{"approved": true, "approver": "ada"}' });
}

async function waitForStatus(api: Api, arn: string, status: string): Promise<void> {
  await expect.poll(async () => (await api.call('executions.get', { arn })).Status, { timeout: 45_000 }).toBe(status);
}

test('two executions of one function, invocations interleaved: the panel and each execution show only their own logs', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  await logEachInvocation(serve, 'orders');
  const api = hostApi(serve);
  const invoke = new InvokePanelPage(page);

  // A from the panel: it answers while it waits for its approval, and the panel follows it.
  await invoke.setEvent('{"orderId": "A-1", "amount": 10}');
  await invoke.invoke();
  await expect(page.getByTestId('invoke-durable-arn')).toContainText('durable-execution', { timeout: 30_000 });
  const arnA = (await page.locator('.invoke-durable__arn').innerText()).trim();
  // B from the API while A waits; then A resumes, then B.
  const arnB = await startOrder(api, 'orders', 'B-2');
  await approve(api, arnA);
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded', { timeout: 45_000 });
  await approve(api, arnB);
  await waitForStatus(api, arnB, 'SUCCEEDED');

  await expect(invoke.logLines.filter({ hasText: 'handling order A-1' })).toHaveCount(2);
  await expect(page.getByTestId('invoke-logs')).not.toContainText('B-2');

  // The execution's Logs tab: each invocation with its own lines, the replayed line marked.
  const executions = new ExecutionsPage(page);
  await executions.open();
  await executions.openExecution(nameOf(arnA));
  await page.getByTestId('tab-logs').click();
  const invocations = page.getByTestId('execution-invocation');
  await expect(invocations).toHaveCount(2);
  await expect(page.getByTestId('execution-logs')).not.toContainText('B-2');
  await expect(invocations.nth(0).getByTestId('invocation-line').filter({ hasText: 'handling order A-1' })).toHaveAttribute('data-replayed', 'false');
  await expect(invocations.nth(1).getByTestId('invocation-line').filter({ hasText: 'handling order A-1' })).toHaveAttribute('data-replayed', 'true');
  await expect(invocations.nth(1).getByTestId('invocation-line').filter({ hasText: 'REPORT RequestId' })).toHaveCount(1);
  await shots(studio, '70-execution-logs');

  // The step's inspector: the lines written during its attempts, and only those.
  await page.getByTestId('tab-timeline').click();
  await executions.timelineRow('validate', 'STEP').click();
  await expect(executions.inspector.getByTestId('inspector-logs')).toContainText('validating order A-1');
  await shots(studio, '71-step-inspector-logs');
  // Another step's attempts wrote none of it; the replayed line of its invocation is not its own either.
  await executions.timelineRow('process', 'STEP').click();
  await expect(executions.inspector).toHaveAttribute('data-operation', 'process');
  await expect(executions.inspector).not.toContainText('validating order');
  await expect(executions.inspector).not.toContainText('handling order');
});

test('an invoke through the local endpoint with the AWS CLI is listed under the function\u2019s Invocations, live, with its caller and logs', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('greet', 'node-ts');
  const invoke = new InvokePanelPage(page);
  // From the panel first: the function is built and registered, and a first row is there.
  await invoke.invokeAndWait();

  await page.getByTestId('function-view-invocations').click();
  const rows = page.getByTestId('invocation-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-caller', 'panel');

  const { lambda } = serve;
  const out = join(serve.workspace, 'cli-out.json');
  // The AWS CLI v2 (as the aws-cli unit test uses it): it signs with botocore, not the JS SDK.
  await run('/usr/bin/aws', ['lambda', 'invoke', '--endpoint-url', lambda.endpoint, '--region', lambda.region, '--function-name', 'greet', '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"name": "cli"}', out], {
    env: { PATH: process.env['PATH'] ?? '', HOME: serve.workspace, AWS_ACCESS_KEY_ID: lambda.accessKeyId, AWS_SECRET_ACCESS_KEY: lambda.secretAccessKey, AWS_PAGER: '' },
  });
  // Live: the CLI's invoke arrives without a reload, newest first.
  await expect(rows).toHaveCount(2);
  const cli = rows.first();
  await expect(cli).toHaveAttribute('data-caller', 'cli');
  await expect(cli).toHaveAttribute('data-status', 'succeeded');
  await expect(cli).toContainText('AWS CLI');
  await cli.click();
  await expect(page.getByTestId('invocation-logs')).toContainText('START RequestId');
  await expect(page.getByTestId('invocation-logs')).toContainText('REPORT RequestId');
  await shots(studio, '72-function-invocations');

  await page.getByTestId('invocations-filter').fill('cli');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('invocations-filter').fill('');
  await expect(rows).toHaveCount(2);
});

test('a durable function switched to non-durable, and one deleted, still list their executions', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('orders', 'durable-ts');
  await studio.functions.create('refunds', 'durable-ts');
  const api = hostApi(serve);
  const arn = await startOrder(api, 'orders', 'N-1');
  const gone = await startOrder(api, 'refunds', 'R-1');

  const config = join(serve.workspace, 'functions', 'orders', 'function.json');
  const parsed = JSON.parse(await readFile(config, 'utf8')) as { durable: { enabled: boolean } };
  parsed.durable.enabled = false;
  await writeFile(config, `${JSON.stringify(parsed, null, 2)}\n`);
  await expect.poll(async () => (await api.call('functions.get', { name: 'orders' })).config?.durable?.enabled, { timeout: 15_000 }).toBe(false);
  await studio.functions.startDelete('refunds');
  await studio.functions.confirmDelete();

  const executions = new ExecutionsPage(page);
  await executions.open();
  await expect(executions.row(nameOf(arn))).toHaveAttribute('data-status', 'RUNNING');
  await expect(executions.row(nameOf(gone))).toBeVisible();
  await expect(executions.row(nameOf(gone))).toContainText('deleted');
  await shots(studio, '73-executions-of-gone-functions');
});
