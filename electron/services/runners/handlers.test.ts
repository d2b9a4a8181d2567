import { InvokeCommand } from '@aws-sdk/client-lambda';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, deploy, invoke, startTestService, TEST_RUNNER, type TestService } from '../lambda/test-support.ts';
import type { SandboxLogLine } from './sandbox-types.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe(`handler styles in ${TEST_RUNNER} sandboxes`, () => {
  it('runs a CommonJS handler and gives it the Lambda environment', async () => {
    await deploy(
      t,
      'cjs',
      {
        'index.js': `exports.handler = async (event) => ({
          sum: event.a + event.b,
          env: { name: process.env.AWS_LAMBDA_FUNCTION_NAME, mem: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, region: process.env.AWS_REGION,
            tz: process.env.TZ, exec: process.env.AWS_EXECUTION_ENV, mine: process.env.MINE, group: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
            key: process.env.AWS_ACCESS_KEY_ID, root: process.env.LAMBDA_TASK_ROOT !== undefined, api: process.env.AWS_LAMBDA_RUNTIME_API },
        });`,
      },
      { environment: { MINE: 'yes' } },
    );
    const out = await invoke(t, 'cjs', { a: 2, b: 3 });
    expect(out.functionError).toBeUndefined();
    expect(out.body['sum']).toBe(5);
    expect(out.body['env']).toMatchObject({
      name: 'cjs', mem: '128', region: 'us-east-1', tz: ':UTC', exec: 'AWS_Lambda_nodejs22.x', mine: 'yes', group: '/aws/lambda/cjs',
      key: t.service.credentials.accessKeyId, root: true,
    });
    expect(String((out.body['env'] as Record<string, unknown>)['api'])).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('carries megabytes of event and result intact, multi-byte characters included, then answers small ones', async () => {
    await deploy(t, 'echo', { 'index.mjs': 'export const handler = async (event) => ({ text: event.text, length: event.text.length });' });
    const text = 'λ€😀x'.repeat(500_000); // about 5 MB of UTF-8, far more than one socket read
    const big = await invoke(t, 'echo', { text });
    expect(big.functionError).toBeUndefined();
    expect(big.body['length']).toBe(text.length);
    expect(big.body['text'] === text).toBe(true);
    // The runtime's connection is left in step for the next, small request.
    expect((await invoke(t, 'echo', { text: 'ok' })).body).toEqual({ text: 'ok', length: 2 });
  });

  it("reports an error whose name holds line breaks and non-ASCII text whole, and the sandbox goes on", async () => {
    await deploy(t, 'oddname', {
      'index.mjs': `export const handler = async (event) => {
        if (!event.fail) return { ok: true };
        const error = new Error('détail\\nsecond line');
        error.name = 'Bad\\r\\nX-Injected: 1 ✗';
        throw error;
      };`,
    });
    const bad = await invoke(t, 'oddname', { fail: true });
    expect(bad.functionError).toBe('Unhandled');
    expect(bad.body).toMatchObject({ errorType: 'Bad\r\nX-Injected: 1 ✗', errorMessage: 'détail\nsecond line' });
    expect((await invoke(t, 'oddname', { fail: false })).body).toEqual({ ok: true });
  });

  it('runs callback-style handlers, success and error', async () => {
    await deploy(t, 'callback', {
      'index.js': `exports.handler = function (event, context, callback) {
        context.callbackWaitsForEmptyEventLoop = false;
        setTimeout(() => event.fail ? callback(new TypeError('bad input')) : callback(null, { ok: true, id: context.awsRequestId, mem: context.memoryLimitInMB, stream: context.logStreamName }), 10);
      };`,
    });
    const good = await invoke(t, 'callback');
    expect(good.body).toMatchObject({ ok: true, mem: '128' });
    expect(String(good.body['stream'])).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    const bad = await invoke(t, 'callback', { fail: true });
    expect(bad.functionError).toBe('Unhandled');
    expect(bad.body).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
    expect(Array.isArray(bad.body['trace'])).toBe(true);
  });

  it('waits for the event loop to empty after a callback answer, unless told not to', async () => {
    await deploy(t, 'waits', {
      'index.js': `exports.handler = (event, context, callback) => {
        context.callbackWaitsForEmptyEventLoop = event.wait;
        globalThis.done = false;
        // The handler's own pending work: 400 ms is what a waiting invocation must outlast.
        setTimeout(() => { console.log('late timer ran', event.wait); }, 400);
        callback(null, { at: Date.now() });
      };`,
    });
    // Each invocation's own duration, from its REPORT: the sandbox's time, not the machine's
    // load or a thaw, which a caller's clock would add.
    const reports: string[] = [];
    const lines: string[] = [];
    const stopLogs = t.service.onLog((line) => {
      if (line.functionName !== 'waits') return;
      lines.push(line.line);
      if (line.line.startsWith('REPORT ')) reports.push(line.line);
    });
    const durationOf = async (n: number) => {
      await expect.poll(() => reports.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
      return Number(/\tDuration: ([\d.]+) ms/.exec(reports[n - 1] ?? '')?.[1]);
    };
    try {
      // The cold start waits for its own timer, so none is left pending to fire in the next one.
      expect((await invoke(t, 'waits', { wait: true })).functionError).toBeUndefined();
      const quick = await invoke(t, 'waits', { wait: false });
      expect(quick.functionError).toBeUndefined();
      expect(await durationOf(2)).toBeLessThan(350);
      expect(quick.log).not.toContain('late timer ran');
      // The quick one's timer stays frozen with its sandbox and may fire in the next invocation;
      // the waiting one's own line is told apart by what it prints.
      const waited = await invoke(t, 'waits', { wait: true });
      expect(waited.functionError).toBeUndefined();
      expect(await durationOf(3)).toBeGreaterThanOrEqual(390);
      // A container's output travels apart from its answer and can land just after it, so the
      // line is awaited in the function's log stream rather than in the answer's log.
      await expect.poll(() => lines.some((l) => l.includes('late timer ran true')), { timeout: 10_000 }).toBe(true);
    } finally {
      stopLogs();
    }
  });

  it('answers null for a handler that leaves nothing running and never answers', async () => {
    await deploy(t, 'forgets', {
      'index.js': `exports.handler = (event, context, callback) => { if (event.async) return new Promise(() => undefined); };`,
    });
    for (const payload of [{}, { async: true }]) {
      const out = await invoke(t, 'forgets', payload);
      expect(out.functionError).toBeUndefined();
      expect(out.body).toBeNull();
    }
  });

  it('passes the caller\'s client context to the handler', async () => {
    await deploy(t, 'ctx', { 'index.mjs': 'export const handler = async (e, context) => ({ cc: context.clientContext, trace: process.env._X_AMZN_TRACE_ID });' });
    const clientContext = Buffer.from(JSON.stringify({ custom: { tenant: 'a' }, env: { locale: 'en' } })).toString('base64');
    const out = await t.client.send(new InvokeCommand({ FunctionName: 'ctx', ClientContext: clientContext, Payload: '{}' }));
    const body = decode(out.Payload) as { cc: unknown; trace: string };
    expect(body.cc).toEqual({ custom: { tenant: 'a' }, env: { locale: 'en' } });
    expect(body.trace).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
  });

  it('reports a thrown error with its type and stack, and logs it', async () => {
    await deploy(t, 'throws', {
      'index.mjs': `class PaymentError extends Error { constructor(m) { super(m); this.name = 'PaymentError'; } }
        export const handler = async () => { console.warn('about to fail'); throw new PaymentError('card declined'); };`,
    });
    const out = await invoke(t, 'throws');
    expect(out.functionError).toBe('Unhandled');
    expect(out.body).toMatchObject({ errorType: 'PaymentError', errorMessage: 'card declined' });
    expect((out.body['stackTrace'] as string[])[0]).toContain('PaymentError: card declined');
    expect(out.log).toMatch(/\tWARN\tabout to fail/);
    expect(out.log).toMatch(/\tERROR\tInvoke Error/);
  });

  it('runs a Python handler', async () => {
    await deploy(
      t,
      'py',
      {
        'app.py': `import logging, os
logger = logging.getLogger()
logger.setLevel(logging.INFO)
def handler(event, context):
    print("printed", event["n"])
    logger.info("logged")
    if event.get("fail"):
        raise ValueError("n is wrong")
    if event.get("odd"):
        raise type("Ошибка", (Exception,), {})("named in Russian")
    return {"double": event["n"] * 2, "fn": context.function_name, "left": context.get_remaining_time_in_millis() > 0, "tz": os.environ["TZ"]}
`,
      },
      { runtime: 'python3.12', handler: 'app.handler' },
    );
    const out = await invoke(t, 'py', { n: 21 });
    expect(out.body).toEqual({ double: 42, fn: 'py', left: true, tz: ':UTC' });
    expect(out.log).toContain('printed 21');
    expect(out.log).toMatch(/\[INFO\]\t\S+Z\t[0-9a-f-]{36}\tlogged/);
    const bad = await invoke(t, 'py', { n: 1, fail: true });
    expect(bad.functionError).toBe('Unhandled');
    expect(bad.body).toMatchObject({ errorType: 'ValueError', errorMessage: 'n is wrong' });
    // A class name outside ASCII is reported whole, and the sandbox goes on.
    const odd = await invoke(t, 'py', { n: 1, odd: true });
    expect(odd.body).toMatchObject({ errorType: 'Ошибка', errorMessage: 'named in Russian' });
    expect((await invoke(t, 'py', { n: 2 })).body).toMatchObject({ double: 4 });
  });

  it('reuses a warm sandbox, grows with concurrency and streams logs live', async () => {
    // Each invocation waits at a barrier (a file in the host's temp folder, which container
    // sandboxes share) until all three have arrived: only three sandboxes at once get past it.
    await deploy(t, 'slow', {
      'index.mjs': `import { appendFileSync, readFileSync } from 'node:fs';
        export const handler = async (e) => {
          const from = Date.now();
          console.log('working', e.i);
          if (e.barrier === undefined) return { i: e.i };
          appendFileSync(e.barrier, 'x');
          while (readFileSync(e.barrier, 'utf8').length < 3 && Date.now() - from < 8000) await new Promise((r) => setTimeout(r, 20));
          await new Promise((r) => setTimeout(r, 50));
          return { i: e.i, from, to: Date.now(), met: readFileSync(e.barrier, 'utf8').length };
        };`,
    }, { timeout: 10 });
    await invoke(t, 'slow', { i: 0 });
    const warm = await invoke(t, 'slow', { i: 0 });
    expect(warm.log).not.toContain('Init Duration');
    const barrier = join(mkdtempSync(join(tmpdir(), 'barrier-')), 'arrived');
    writeFileSync(barrier, '');
    const lines: SandboxLogLine[] = [];
    const stop = t.service.onLog((line) => lines.push(line));
    const results = await Promise.all([1, 2, 3].map((i) => invoke(t, 'slow', { i, barrier })));
    stop();
    expect(results.map((r) => r.body['i'])).toEqual([1, 2, 3]);
    expect(results.map((r) => r.body['met'])).toEqual([3, 3, 3]);
    // The three ran at the same time, in three sandboxes.
    const spans = results.map((r) => ({ from: Number(r.body['from']), to: Number(r.body['to']) }));
    expect(Math.max(...spans.map((x) => x.from))).toBeLessThan(Math.min(...spans.map((x) => x.to)));
    expect(t.service.sandboxStats()['slow']).toBe(3);
    expect(lines.filter((l) => l.functionName === 'slow' && l.line.startsWith('REPORT ')).length).toBe(3);
    const working = lines.find((l) => l.line.includes('working 2'));
    expect(working?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('queues invocations beyond the per-function limit', async () => {
    const limited = await startTestService({ maxSandboxesPerFunction: 1 });
    try {
      // Each invocation is busy for a while, so the next ones arrive while the only sandbox is taken.
      await deploy(limited, 'one', { 'index.mjs': `export const handler = async (e) => { await new Promise((r) => setTimeout(r, 150)); return e.i; };` });
      const results = await Promise.all([1, 2, 3].map((i) => invoke(limited, 'one', { i })));
      expect(results.map((r) => r.body)).toEqual([1, 2, 3]);
      expect(limited.service.sandboxStats()['one']).toBe(1);
    } finally {
      await limited.close();
    }
  });
});

describe('idle sandboxes', () => {
  it('are stopped after the idle time, and the next invoke starts a fresh one', async () => {
    const short = await startTestService({ idleSandboxMs: 300 });
    try {
      await deploy(short, 'idle', { 'index.mjs': 'const id = Math.random(); export const handler = async () => id;' });
      const first = await invoke(short, 'idle');
      expect(short.service.sandboxStats()['idle']).toBe(1);
      await expect.poll(() => short.service.sandboxStats()['idle'], { timeout: 10_000 }).toBeUndefined();
      const second = await invoke(short, 'idle');
      expect(second.body).not.toBe(first.body);
      expect(second.log).toContain('Init Duration');
    } finally {
      await short.close();
    }
  });
});

describe('Event invocations', () => {
  it('retry a failed one twice with the same request id, as Lambda does', async () => {
    const diagnostics: string[] = [];
    const quick = await startTestService({ asyncRetryDelaysMs: [100, 100], log: (message) => diagnostics.push(message) });
    try {
      await deploy(quick, 'flaky', { 'index.mjs': 'export const handler = async () => { throw new Error("always"); };' });
      const attempts: string[] = [];
      quick.service.onLog((line) => {
        if (line.functionName === 'flaky' && line.line.startsWith('START ')) attempts.push(line.requestId);
      });
      const out = await quick.client.send(new InvokeCommand({ FunctionName: 'flaky', InvocationType: 'Event', Payload: '{}' }));
      expect(out.StatusCode).toBe(202);
      // The queue says when it gives up, after which no attempt can follow.
      await expect.poll(() => diagnostics.join('\n'), { timeout: 15_000 }).toMatch(/ after 3 attempts; dropped\./);
      expect(attempts).toHaveLength(3);
      expect(new Set(attempts)).toEqual(new Set([out.$metadata.requestId]));
    } finally {
      await quick.close();
    }
  });
});
