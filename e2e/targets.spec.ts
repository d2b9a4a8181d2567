import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeHandle } from './fixtures/serve.ts';
import { expect, test as studioTest } from './fixtures/studio.ts';
import { ExecutionsPage } from './pages/executions-page.ts';
import { InvokePanelPage } from './pages/invoke-panel-page.ts';
import { TargetsPage } from './pages/targets-page.ts';
import { WorkflowsPage } from './pages/workflows-page.ts';

interface Cloud {
  /** A second studio standing in for the AWS account: its Lambda service speaks the Lambda API. */
  serve: ServeHandle;
  /** What the studio under test runs with: the AWS files naming profile `cloud`, and its own targets folder. */
  env: Record<string, string>;
}

const test = studioTest.extend<{ cloud: Cloud }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  cloud: async ({}, use) => {
    const serve = await startServe();
    const dir = await mkdtemp(join(tmpdir(), 'studio-e2e-aws-'));
    const config = join(dir, 'config');
    const credentials = join(dir, 'credentials');
    await writeFile(config, `[profile cloud]\nregion = ${serve.lambda.region}\n`);
    await writeFile(credentials, `[cloud]\naws_access_key_id = ${serve.lambda.accessKeyId}\naws_secret_access_key = ${serve.lambda.secretAccessKey}\n`);
    await use({ serve, env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, LAMBDA_STUDIO_CONFIG_DIR: join(dir, 'studio-config') } });
    await serve.stop();
    await rm(dir, { recursive: true, force: true });
  },
  // The studio under test reads the AWS files above: it is started after the cloud, with its env.
  serve: async ({ cloud }, use) => {
    const handle = await startServe({ env: cloud.env });
    await use(handle);
    await handle.stop();
  },
});

test('an AWS target: added and tested, chosen in the status bar, a durable function deployed, invoked and approved on its timeline there', async ({ studio, cloud }) => {
  const { page, functions } = studio;
  const targets = new TargetsPage(page);
  await functions.create('orders', 'durable-ts');

  // Local is the default: every list says so.
  await expect(targets.statusTarget).toHaveAttribute('data-target', 'local');
  await expect(page.getByTestId('deploy')).toBeDisabled();

  await targets.add({ name: 'cloud', profile: 'cloud', region: cloud.serve.lambda.region, endpoint: cloud.serve.lambda.endpoint });
  const tested = targets.row('cloud').getByTestId('target-test-result');
  await expect(tested).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(targets.row('local')).toBeVisible();
  await expect(targets.row('local').getByTestId('target-remove')).toHaveCount(0);
  await studio.screenshotBothThemes('60-settings-targets');

  await targets.select('cloud');
  await studio.activity('executions').click();
  await expect(targets.chips.first()).toContainText('on cloud');
  await expect(page.getByTestId('executions-empty')).toContainText('No durable executions on cloud');

  await studio.activity('functions').click();
  await functions.open('orders');
  const outcome = await targets.deployOpenFunction({ kind: 'paste', arn: 'arn:aws:iam::000000000000:role/studio-e2e' });
  await expect(targets.deploySteps.getByTestId('deploy-step').filter({ hasText: 'Publish a version' })).toHaveAttribute('data-status', 'done');
  expect(outcome).toBe('done');
  await expect(targets.deployedRow('cloud')).toContainText('live → v1');
  await studio.screenshotBothThemes('61-deploy-done');
  await targets.closeDeploy();

  // Invoke goes to the deployed function through alias live; its execution opens on the target.
  const invoke = new InvokePanelPage(page);
  await expect(invoke.panel.getByTestId('target-chip')).toContainText('on cloud');
  await invoke.setEvent('{"orderId": "C-1", "amount": 10}');
  await invoke.invoke();
  await expect(page.getByTestId('invoke-durable-arn')).toContainText('durable-execution', { timeout: 30_000 });
  await page.getByTestId('invoke-open-execution').click();
  const executions = new ExecutionsPage(page);
  await expect(page.getByTestId('execution-detail')).toBeVisible();
  await expect(page.getByTestId('execution-header').getByTestId('target-chip')).toContainText('on cloud');
  await expect(executions.callbackRow).toHaveAttribute('data-status', 'STARTED', { timeout: 30_000 });
  // The virtual clock and re-run belong to the local engine: not offered on a target.
  await expect(page.getByTestId('execution-rerun-detail')).toHaveCount(0);
  await studio.screenshotBothThemes('62-execution-on-target');

  await executions.sendSuccess('{"approved": true, "approver": "ada"}');
  await expect(executions.status).toHaveAttribute('data-tone', 'succeeded', { timeout: 45_000 });
  const cloudArn = await page.getByTestId('execution-arn').innerText();

  // Debug locally: the recorded execution replays with the workspace's code as a new local execution,
  // every completed operation taken from the record, so it ends as the cloud one did.
  await page.getByTestId('execution-debug-locally').click();
  await expect(page.getByTestId('execution-arn')).not.toHaveText(cloudArn);
  await expect(page.getByTestId('execution-header').getByTestId('target-chip')).toHaveAttribute('data-target', 'local');
  await expect(executions.status).toHaveAttribute('data-tone', 'succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('execution-result')).toContainText('ada');
  await studio.screenshotBothThemes('63-debugged-locally');

  // The target's executions are not in the local list: only the replay is.
  await page.getByTestId('execution-back').click();
  await expect(page.getByTestId('execution-row')).toHaveCount(1);
});

/** Input -> price (a Lambda block) -> approve -> Output, as the Workflows page would save it. */
const SHIP = {
  version: 1,
  blocks: [
    { id: 'input', type: 'input', position: { x: 0, y: 0 }, sample: { items: [{ quantity: 2, sku: 'mug', unitPrice: 4.5 }], orderId: 'A-7' } },
    { id: 'price', type: 'lambda', position: { x: 0, y: 130 }, function: 'price' },
    { id: 'approve', type: 'approval', position: { x: 0, y: 260 }, instructions: 'Ship this order?' },
    { id: 'output', type: 'output', position: { x: 0, y: 390 } },
  ],
  edges: [
    { id: 'input-price', source: 'input', target: 'price' },
    { id: 'price-approve', source: 'price', target: 'approve' },
    { id: 'approve-output', source: 'approve', target: 'output' },
  ],
};

test('a workflow on an AWS target: deployed from the Workflows page, run there and approved on its block; a function exported as a SAM template', async ({ studio, cloud, serve }) => {
  const { page, functions } = studio;
  const targets = new TargetsPage(page);
  await functions.create('price', 'workflow-block-ts');
  await mkdir(join(serve.workspace, 'workflows'), { recursive: true });
  await writeFile(join(serve.workspace, 'workflows', 'ship.workflow.json'), `${JSON.stringify(SHIP, null, 2)}\n`);

  // Export SAM template: the function's template.yaml, with how to deploy it.
  await page.getByTestId('function-export-sam').click();
  const sam = page.getByTestId('sam-dialog');
  await expect(sam.getByTestId('sam-text')).toContainText('AWS::Serverless::Function');
  await expect(sam.getByTestId('sam-how')).toContainText('sam build && sam deploy --guided');
  await studio.screenshotBothThemes('64-sam-export');
  await sam.getByTestId('sam-close').click();
  await expect(sam).toBeHidden();

  await targets.add({ name: 'cloud', profile: 'cloud', region: cloud.serve.lambda.region, endpoint: cloud.serve.lambda.endpoint });
  await expect(targets.row('cloud').getByTestId('target-test-result')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await targets.select('cloud');
  await studio.activity('functions').click();
  await functions.open('price');
  await expect(page.getByTestId('deployed-badge')).toHaveText('not deployed to cloud', { timeout: 30_000 });

  // Deploy from the Workflows page: the function its Lambda block calls, then the runner.
  const wf = new WorkflowsPage(page);
  await wf.open();
  await wf.openWorkflow('ship');
  await expect(page.getByTestId('workflow-toolbar').getByTestId('target-chip')).toContainText('on cloud');
  await page.getByTestId('workflow-deploy').click();
  const dialog = page.getByTestId('workflow-deploy-dialog');
  await expect(dialog.getByTestId('workflow-deploy-functions')).toContainText('price');
  await dialog.getByTestId('deploy-role-paste').check();
  await dialog.getByTestId('deploy-role-arn').fill('arn:aws:iam::000000000000:role/studio-e2e');
  await dialog.getByTestId('deploy-confirm').click();
  const steps = dialog.getByTestId('deploy-steps');
  await expect(steps).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(dialog.getByTestId('deploy-result-row')).toHaveCount(2);
  await expect(dialog.locator('[data-testid="deploy-result-row"][data-function="price"]')).toContainText('v1');
  await studio.screenshotBothThemes('65-workflow-deployed');
  await dialog.getByTestId('deploy-close').click();
  await expect(dialog).toBeHidden();

  // The workflow's SAM template holds the runner and the function it calls.
  await page.getByTestId('workflow-export-sam').click();
  await expect(sam.getByTestId('sam-text')).toContainText('AWS::Serverless::Function');
  await expect(sam.getByTestId('sam-how')).toContainText('workflow-runner/');
  await sam.getByTestId('sam-close').click();

  // Run goes to the target; the canvas follows the run there and Approve answers it there.
  await wf.run();
  await expect(wf.block('price')).toHaveAttribute('data-status', 'succeeded', { timeout: 45_000 });
  await expect(wf.block('approve')).toHaveAttribute('data-status', 'waiting', { timeout: 30_000 });
  // The run called price's live alias: the same graph as the file, not one "changed since".
  await expect(page.getByTestId('run-show-graph')).toHaveCount(0);
  await studio.screenshotBothThemes('66-workflow-waiting-on-target');
  await wf.approve('approve', '{"approved": true, "by": "ada"}');
  await wf.expectRunFinished('Succeeded');
  await expect(wf.block('output')).toHaveAttribute('data-status', 'succeeded');

  // Switching the target closes the run: it belongs to the other account.
  await targets.select('local');
  await expect(wf.runBanner).toBeHidden();

  // The editor header says where the function is after the deploy.
  await targets.select('cloud');
  await studio.activity('functions').click();
  await functions.open('price');
  await expect(page.getByTestId('deployed-badge')).toContainText('v1 on cloud', { timeout: 30_000 });
  await studio.screenshotBothThemes('67-function-deployed-badge');
});
