import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, invoke, startTestService, TEST_RUNNER, type TestService } from '../lambda/test-support.ts';
import type { SandboxLogLine } from './sandbox-types.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

/** The lines of one `LogType: Tail` log between its START and its END, and whether END and REPORT close it. */
function body(log: string): { lines: string[]; closed: boolean } {
  const lines = log.split('\n').filter((line) => line !== '');
  const end = lines.findIndex((line) => line.startsWith('END RequestId: '));
  const closed = end !== -1 && (lines[end + 1] ?? '').startsWith('REPORT RequestId: ');
  return { lines: lines.slice(0, end === -1 ? lines.length : end), closed };
}

/**
 * Invokes a function that writes `out <n>` to stdout and `err <n>` to stderr just before it
 * returns, `rounds` times in a row on a warm sandbox, and checks that each invocation's log holds
 * its own two lines before END and nothing of the one before.
 */
async function expectOwnLastLines(name: string, rounds: number): Promise<void> {
  const streamed: SandboxLogLine[] = [];
  const stop = t.service.onLog((line) => {
    if (line.functionName === name) streamed.push(line);
  });
  try {
    await invoke(t, name, { n: -1 }); // the cold start
    const misplaced: string[] = [];
    const requestIds: string[] = [];
    for (let n = 0; n < rounds; n++) {
      const out = await invoke(t, name, { n });
      expect(out.functionError).toBeUndefined();
      requestIds.push(String(out.body['requestId']));
      const { lines, closed } = body(out.log);
      const own = (text: string) => lines.some((line) => line.endsWith(text));
      if (!closed || !own(`out ${n}`) || !own(`err ${n}`)) misplaced.push(`round ${n} lacks its own lines:\n${out.log}`);
      if (lines.some((line) => /(^|\s)(out|err) -?\d+$/.test(line) && !line.endsWith(` ${n}`))) misplaced.push(`round ${n} holds another round's line:\n${out.log}`);
    }
    expect(misplaced.slice(0, 3)).toEqual([]);
    // The live stream (the Invocations view's lines) files each line under its own request.
    for (const [n, requestId] of requestIds.entries()) {
      const filed = streamed.filter((line) => new RegExp(`(^|\\s)(out|err) ${n}$`).test(line.line));
      expect(filed.map((line) => line.requestId)).toEqual([requestId, requestId]);
    }
  } finally {
    stop();
  }
}

describe(`the last lines a handler writes in ${TEST_RUNNER} sandboxes`, () => {
  it('land in their own Node.js invocation, stdout and stderr, 100 warm invokes in a row', async () => {
    await deploy(t, 'lastnode', {
      'index.mjs': `export const handler = async (event, context) => {
        console.log('out ' + event.n);
        process.stderr.write('err ' + event.n + '\\n');
        return { requestId: context.awsRequestId };
      };`,
    });
    await expectOwnLastLines('lastnode', 100);
  }, 120_000);

  it('land in their own Node.js invocation when written straight to the descriptors, as logging libraries do', async () => {
    await deploy(t, 'lastfd', {
      'index.mjs': `import { writeSync } from 'node:fs';
      export const handler = async (event, context) => {
        writeSync(1, 'out ' + event.n + '\\n');
        writeSync(2, 'err ' + event.n + '\\n');
        return { requestId: context.awsRequestId };
      };`,
    });
    await expectOwnLastLines('lastfd', 100);
  }, 120_000);

  it('land in their own Python invocation, stdout and stderr', async () => {
    await deploy(
      t,
      'lastpython',
      {
        'app.py': `import sys
def handler(event, context):
    print("out %d" % event["n"])
    print("err %d" % event["n"], file=sys.stderr)
    return {"requestId": context.aws_request_id}
`,
      },
      { runtime: 'python3.12', handler: 'app.handler' },
    );
    await expectOwnLastLines('lastpython', 30);
  }, 120_000);

  it('lands after a flood of output: a megabyte of lines before the last one', async () => {
    await deploy(t, 'flood', {
      'index.mjs': `export const handler = async (event) => {
        const filler = 'x'.repeat(1000);
        for (let i = 0; i < 1000; i++) process.stdout.write(filler + ' ' + i + '\\n');
        console.log('out ' + event.n);
        process.stderr.write('err ' + event.n + '\\n');
        return {};
      };`,
    });
    await invoke(t, 'flood', { n: -1 });
    for (let n = 0; n < 5; n++) {
      // Every line (LogType Tail holds the last 4 KB only), as the Invoke panel shows them.
      const out = await t.service.invoke({ functionName: 'flood', payload: JSON.stringify({ n }) });
      const { lines, closed } = body(out.logs.join('\n'));
      expect(closed).toBe(true);
      expect(lines.filter((line) => line.startsWith('x'))).toHaveLength(1000);
      expect(lines.some((line) => line.endsWith(`out ${n}`))).toBe(true);
      expect(lines).toContain(`err ${n}`);
    }
  }, 60_000);

  it('keeps a last line written without a newline, and prints a line that only looks like an output mark', async () => {
    await deploy(t, 'lookalike', {
      'index.mjs': `export const handler = async (event, context) => {
        console.log('LAMBDA_STUDIO_OUTPUT_MARK 00000000000000000000000000000000 ' + context.awsRequestId);
        process.stdout.write('LAMBDA_STUDIO_OUTPUT_MARK ' + context.awsRequestId + '\\n');
        process.stdout.write('no newline ' + event.n);
        return { requestId: context.awsRequestId, markEnv: Object.keys(process.env).filter((key) => key.includes('MARK')) };
      };`,
    });
    await invoke(t, 'lookalike', { n: 0 });
    const out = await invoke(t, 'lookalike', { n: 1 });
    const requestId = String(out.body['requestId']);
    // The mark's secret never reaches the handler, so it cannot write a real mark.
    expect(out.body['markEnv']).toEqual([]);
    const { lines, closed } = body(out.log);
    expect(closed).toBe(true);
    expect(lines.some((line) => line.endsWith(`INFO\tLAMBDA_STUDIO_OUTPUT_MARK 00000000000000000000000000000000 ${requestId}`))).toBe(true);
    expect(lines).toContain(`LAMBDA_STUDIO_OUTPUT_MARK ${requestId}`);
    expect(lines).toContain('no newline 1');
    expect(lines.some((line) => line.includes('no newline 0'))).toBe(false);
  });
});
