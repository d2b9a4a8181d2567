import { UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, invoke, startTestService, TEST_RUNNER, type TestService, zipOf } from '../lambda/test-support.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

/** A handler that misbehaves when asked and answers normally otherwise, so each failure can be followed by a good invoke. */
const misbehaving = (bad: string) => ({
  'index.mjs': `export const handler = async (event) => {
    if (event.bad) { ${bad} }
    return { ok: true, pid: process.pid };
  };`,
});

async function expectRecovers(name: string): Promise<void> {
  const good = await invoke(t, name, { bad: false });
  expect(good.functionError).toBeUndefined();
  expect(good.body['ok']).toBe(true);
}

describe(`failures the host detects (${TEST_RUNNER} sandboxes)`, () => {
  it('kills a sandbox that runs past its timeout', async () => {
    // The handler's 10 s is what outlasts the 1 s timeout under test.
    await deploy(t, 'sleepy', misbehaving('await new Promise((r) => setTimeout(r, 10_000));'), { timeout: 1 });
    const started = Date.now();
    const out = await invoke(t, 'sleepy', { bad: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(out.functionError).toBe('Unhandled');
    expect(out.body['errorType']).toBe('Sandbox.Timedout');
    expect(out.body['errorMessage']).toMatch(/^RequestId: [0-9a-f-]+ Error: Task timed out after 1\.00 seconds$/);
    expect(out.log).toMatch(/Task timed out after 1\.00 seconds/);
    expect(out.log).toMatch(/^REPORT .*Status: timeout/m);
    await expectRecovers('sleepy');
  });

  it('kills a sandbox that outgrows its memory (off-heap buffers)', async () => {
    await deploy(t, 'hungry', misbehaving('const keep = []; for (;;) { keep.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); }'));
    const out = await invoke(t, 'hungry', { bad: true });
    expect(out.functionError).toBe('Unhandled');
    expect(out.body['errorType']).toBe('Runtime.OutOfMemory');
    expect(out.log).toMatch(/Max Memory Used: (1[2-9]\d|[2-9]\d\d|\d{4,}) MB/);
    await expectRecovers('hungry');
  });

  it('reports a V8 heap exhaustion as out of memory', async () => {
    // Filling the heap takes seconds on a loaded machine: a timeout must not come first.
    await deploy(t, 'heap', misbehaving('const keep = []; for (;;) keep.push({ a: Math.random(), b: [1, 2, 3], c: "x".repeat(20) + Math.random() });'), { timeout: 30 });
    const out = await invoke(t, 'heap', { bad: true });
    expect(out.body['errorType']).toBe('Runtime.OutOfMemory');
    await expectRecovers('heap');
  });

  it('reports a process that exits or crashes as Runtime.ExitError', async () => {
    await deploy(t, 'quitter', misbehaving('if (event.signal) process.kill(process.pid, "SIGSEGV"); else process.exit(3);'));
    const exited = await invoke(t, 'quitter', { bad: true });
    expect(exited.functionError).toBe('Unhandled');
    expect(exited.body).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(exited.body['errorMessage']).toMatch(/Runtime exited with error: exit status 3$/);
    await expectRecovers('quitter');
    const crashed = await invoke(t, 'quitter', { bad: true, signal: true });
    expect(crashed.body['errorMessage']).toMatch(/Runtime exited with error: signal: segmentation fault$/);
    await expectRecovers('quitter');
  });

  it('reports init errors as Lambda does, and runs again once the code is fixed', async () => {
    await deploy(t, 'broken', { 'index.mjs': 'throw new RangeError("config missing");' });
    const thrown = await invoke(t, 'broken');
    expect(thrown.functionError).toBe('Unhandled');
    expect(thrown.body).toMatchObject({ errorType: 'RangeError', errorMessage: 'config missing' });
    expect(thrown.log).toMatch(/Init Duration/);

    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: 'broken', ZipFile: zipOf({ 'other.mjs': 'export const handler = async () => 1;' }) }));
    const missing = await invoke(t, 'broken');
    expect(missing.body['errorType']).toBe('Runtime.ImportModuleError');
    expect(missing.body['errorMessage']).toContain("Cannot find module 'index'");

    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: 'broken', ZipFile: zipOf({ 'index.mjs': 'export const other = async () => 1;' }) }));
    const noHandler = await invoke(t, 'broken');
    expect(noHandler.body).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });

    await t.client.send(new UpdateFunctionCodeCommand({ FunctionName: 'broken', ZipFile: zipOf({ 'index.mjs': 'export const handler = async () => ({ ok: true });' }) }));
    await expectRecovers('broken');
  });

  it('reports Python init errors, timeouts and memory exhaustion', async () => {
    await deploy(t, 'py-broken', { 'app.py': 'import not_a_module\ndef handler(e, c):\n    return 1\n' }, { runtime: 'python3.12', handler: 'app.handler' });
    const out = await invoke(t, 'py-broken');
    expect(out.body['errorType']).toBe('Runtime.ImportModuleError');
    expect(out.body['errorMessage']).toContain("Unable to import module 'app'");

    // As above: a Python handler outlasting its timeout.
    await deploy(t, 'py-slow', { 'app.py': 'import time\ndef handler(e, c):\n    if e.get("bad"):\n        time.sleep(10)\n    return {"ok": True}\n' }, { runtime: 'python3.12', handler: 'app.handler', timeout: 1 });
    const slow = await invoke(t, 'py-slow', { bad: true });
    expect(slow.body['errorType']).toBe('Sandbox.Timedout');
    await expectRecovers('py-slow');

    await deploy(t, 'py-hungry', { 'app.py': 'keep = []\ndef handler(e, c):\n    while e.get("bad"):\n        keep.append(bytearray(8 * 1024 * 1024))\n    return {"ok": True}\n' }, { runtime: 'python3.12', handler: 'app.handler' });
    const hungry = await invoke(t, 'py-hungry', { bad: true });
    expect(hungry.body['errorType']).toBe('Runtime.OutOfMemory');
    await expectRecovers('py-hungry');
  });
});
