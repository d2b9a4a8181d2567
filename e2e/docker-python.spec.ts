import { InvokePanelPage } from './pages/invoke-panel-page.ts';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

test('a Python function runs in a container, and Settings > Docker lists its local base image', async ({ studio, serve }) => {
  test.skip(process.env['LAMBDA_STUDIO_DOCKER_TESTS'] !== '1', 'needs a Docker engine (npm test starts one where it can)');
  const { functions, editor, configForm, page } = studio;
  const invoke = new InvokePanelPage(page);
  await functions.create('greeter-py', 'python');
  await editor.openFile('function.json');
  await page.getByTestId('cfg-runner-docker').click();
  await configForm.saveButton.click();
  await expect.poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'greeter-py', 'function.json')) as { runner?: string }).runner).toBe('docker');

  // With no image on the engine this first invoke builds the local Python base image, which takes a while.
  await invoke.setEvent('{"name": "Grace"}');
  await invoke.invokeAndWait();
  await expect(invoke.output).toHaveAttribute('data-outcome', 'succeeded', { timeout: 120_000 });
  expect(JSON.parse(await invoke.result.innerText())).toMatchObject({ message: 'Hello, Grace!', received: { name: 'Grace' } });
  await expect(invoke.logLines.filter({ hasText: 'Greeting Grace' })).toHaveCount(1);

  await studio.activity('settings').click();
  const python = page.getByTestId('docker-image-local-base-python');
  await expect(python).toContainText('lambda-studio/python:3-local — present');
  await expect(python).toHaveAttribute('data-present', 'true');
  await expect(page.getByTestId('docker-build-python')).toHaveText(/Rebuild/);
  await expect(page.getByTestId('docker-image-local-base-nodejs')).toContainText('lambda-studio/nodejs:22-local');
  await page.getByTestId('settings-docker').scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('73-settings-docker-images');
});
