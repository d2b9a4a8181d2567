import { execFileSync } from 'node:child_process';
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
  // The invoke built it (or rebuilt one built from an older bootstrap), so it is not out of date.
  await expect(python).toHaveAttribute('data-outdated', 'false');
  await expect(page.getByTestId('docker-build-python')).toHaveText(/Rebuild/);
  await expect(page.getByTestId('docker-image-local-base-nodejs')).toContainText('lambda-studio/nodejs:22-local');
  await page.getByTestId('settings-docker').scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('73-settings-docker-images');
});

test('Settings > Docker shows a local base image built from an older bootstrap as out of date, and Rebuild brings it up to date', async ({ studio }) => {
  test.skip(process.env['LAMBDA_STUDIO_DOCKER_TESTS'] !== '1', 'needs a Docker engine (npm test starts one where it can)');
  test.setTimeout(120_000);
  const { page } = studio;
  // The same files under a recipe label an older studio would have written: any invoke meanwhile rebuilds it, nothing breaks.
  execFileSync('docker', ['build', '-q', '-t', 'lambda-studio/python:3-local', '--label', 'lambda-studio.recipe=built-by-an-older-studio', '-'], { input: 'FROM lambda-studio/python:3-local\n' });

  await studio.activity('settings').click();
  const python = page.getByTestId('docker-image-local-base-python');
  await expect(python).toContainText('lambda-studio/python:3-local — out of date — rebuild');
  await expect(python).toHaveAttribute('data-outdated', 'true');
  await page.getByTestId('settings-docker').scrollIntoViewIfNeeded();
  await studio.screenshotBothThemes('73-settings-docker-image-outdated');

  await page.getByTestId('docker-build-python').click();
  await expect(python).toHaveAttribute('data-outdated', 'false', { timeout: 90_000 });
  await expect(python).toContainText('lambda-studio/python:3-local — present');
});
