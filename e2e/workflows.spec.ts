import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/studio.ts';
import { WorkflowsPage } from './pages/workflows-page.ts';

const ORDER = { orderId: 'A-7', items: [{ sku: 'mug', quantity: 2, unitPrice: 4.5 }] };

test('draw a workflow from the palette, run it, approve on its block, see the output; a bad expression shows on its block', async ({ studio, serve }) => {
  const { page } = studio;
  await studio.functions.create('price', 'workflow-block-ts');

  const wf = new WorkflowsPage(page);
  await wf.open();
  await expect(wf.emptyState).toBeVisible();
  await studio.screenshotBothThemes('40-workflows-empty');
  await wf.create('orders');
  await expect(wf.block('input')).toBeVisible();
  await expect(wf.block('output')).toBeVisible();

  // Blocks dragged from the palette, then wired Input -> price -> approval -> Output.
  await wf.dropBlock('lambda', { x: 420, y: 200 });
  await wf.dropBlock('approval', { x: 420, y: 330 });
  await expect(wf.block('call')).toBeVisible();
  await expect(wf.block('approval')).toBeVisible();
  await wf.renameBlock('call', 'price');
  await wf.pickFunction('price');
  await wf.renameBlock('approval', 'approve');
  await wf.setField('instructions', 'Ship this order?');
  await wf.edge('input', 'output').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(wf.edge('input', 'output')).toHaveCount(0);
  await wf.connect('input', 'price');
  await wf.connect('price', 'approve');
  await wf.connect('approve', 'output');
  await expect(wf.edge('price', 'approve')).toHaveCount(1);
  await wf.autoLayout();
  await wf.select('input');
  await wf.setField('sample', JSON.stringify(ORDER));
  await wf.select('output');
  await wf.setField('output-expression', '{"order": blocks.price, "answer": data}');
  await wf.saveNow();
  await expect(wf.problemsEmpty).toBeVisible();
  await studio.screenshotBothThemes('41-workflow-drawn');

  // The file on disk is the graph, in its stable form.
  const file = JSON.parse(await readFile(join(serve.workspace, 'workflows', 'orders.workflow.json'), 'utf8')) as { blocks: { id: string }[] };
  expect(file.blocks.map((b) => b.id).sort()).toEqual(['approve', 'input', 'output', 'price']);

  // Run: the Lambda block succeeds, the approval waits with Approve and Reject on it.
  await wf.run();
  await wf.expectStatus('price', 'succeeded');
  await wf.expectStatus('approve', 'waiting');
  await expect(wf.approveButton('approve')).toBeVisible();
  await expect(wf.rejectButton('approve')).toBeVisible();
  const peek = await wf.peek('price');
  await expect(peek).toContainText('"total": 9');
  await studio.screenshotBothThemes('42-workflow-waiting-approval');

  await wf.approve('approve', '{"approved": true, "by": "ana"}');
  await wf.expectRunFinished('Succeeded');
  await wf.expectStatus('approve', 'succeeded');
  await wf.expectStatus('output', 'succeeded');
  const output = await wf.showRunDetails('output');
  await expect(output).toContainText('"by": "ana"');
  await expect(output).toContainText('"itemCount": 2');
  await studio.screenshotBothThemes('43-workflow-succeeded');

  // The same run in Executions.
  await wf.openRunInExecutions();
  await expect(page.getByTestId('timeline-row').filter({ hasText: 'approve' }).first()).toBeVisible();
  await wf.open();

  // Export as code: one durable call per block, named after it.
  const code = await wf.exportCode();
  await expect(code).toContainText('lambdaBlock(ctx, "price", "price"');
  await expect(code).toContainText('ctx.waitForCallback<string>("approve"');
  await studio.screenshotBothThemes('45-workflow-export');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  // A bad CEL expression shows on its block and in the problems panel, naming the block.
  await wf.addBlock('transform');
  await expect(wf.block('transform')).toBeVisible();
  await wf.select('transform');
  await wf.setField('expression', 'data.total +');
  await expect(wf.problemBadge('transform')).toBeVisible();
  await expect(wf.problemBadge('transform')).toHaveAttribute('aria-label', /does not parse/);
  await expect(wf.problemRows.filter({ hasText: 'transform' }).first()).toBeVisible();
  await studio.screenshotBothThemes('44-workflow-bad-expression');

});
