import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpEndpointPage } from './pages/http-endpoint-page.ts';
import { expect, readWorkspaceFile, test } from './fixtures/studio.ts';

/** A web app's page on an origin of its own, as a developer's dev server would serve it. */
async function webApp(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>web app</title><p>web app</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('allow a web app’s origin in the CORS settings and call the function URL from a page on that origin', async ({ studio, serve }) => {
  const { functions, editor, configForm, page } = studio;
  const http = new HttpEndpointPage(page);
  const allowed = await webApp();
  const other = await webApp();
  try {
    await functions.create('api', 'node-js');
    await editor.openFile('function.json');
    await http.toggle.check();
    await page.getByTestId('cfg-cors').check();
    await page.getByTestId('cfg-corsOrigins').fill(`${allowed.origin}/`);
    await page.getByTestId('cfg-cors-method-POST').check();
    await page.getByTestId('cfg-corsHeaders').fill('Content-Type, X-Api-Key');
    await page.getByTestId('cfg-corsMaxAge').fill('600');
    await configForm.saveButton.click();
    await expect(configForm.fieldError('corsOrigins')).toContainText('no path or trailing slash');
    await page.getByTestId('cfg-corsOrigins').fill(allowed.origin);
    await configForm.saveButton.click();
    await expect
      .poll(async () => (JSON.parse(await readWorkspaceFile(serve, 'functions', 'api', 'function.json')) as { triggers?: { http?: { cors?: unknown } } }).triggers?.http?.cors)
      .toEqual({ allowOrigins: [allowed.origin], allowMethods: ['POST'], allowHeaders: ['Content-Type', 'X-Api-Key'], exposeHeaders: [], maxAge: 600, allowCredentials: false });
    await page.getByTestId('cfg-cors-section').scrollIntoViewIfNeeded();
    await studio.screenshotBothThemes('73-function-url-cors');

    const url = await http.curlUrl();
    // Chromium itself decides: a JSON POST needs a preflight, which the URL answers for the allowed origin only.
    const call = (origin: string) =>
      page
        .context()
        .newPage()
        .then(async (app) => {
          await app.goto(origin);
          const result = await app.evaluate(async (target) => {
            try {
              const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'k' }, body: '{"hello":"world"}' });
              return { ok: true, status: response.status, body: (await response.json()) as unknown };
            } catch (error) {
              return { ok: false, error: String(error) };
            }
          }, url);
          await app.close();
          return result;
        });
    expect(await call(allowed.origin)).toEqual({ ok: true, status: 200, body: expect.objectContaining({ message: 'Hello, world!' }) as unknown });
    expect(await call(other.origin)).toEqual({ ok: false, error: expect.stringMatching(/Failed to fetch/) as unknown });
  } finally {
    allowed.server.close();
    other.server.close();
  }
});
