/**
 * Test-only: starts one process sandbox, invokes it once (so it is frozen, waiting for its next
 * event) and prints `{ pid }` of the sandbox's runtime, then idles until it is killed. A test
 * SIGKILLs this process to see what becomes of the frozen sandbox.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxFunction } from './sandbox-types.ts';
import { defaultLauncherPaths, sandboxCommand } from './launchers.ts';
import { startProcessSandbox } from './process-sandbox.ts';

const codeDir = mkdtempSync(join(tmpdir(), 'frozen-host-'));
writeFileSync(join(codeDir, 'index.mjs'), 'export const handler = async () => ({ pid: process.pid });');
const version: SandboxFunction = {
  functionName: 'frozen', version: '$LATEST', runtime: 'nodejs22.x', handler: 'index.handler', memorySize: 128, timeout: 10,
  environment: {}, codeDir, revisionId: 'r1',
};
const host = { region: 'us-east-1', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:frozen', credentials: { accessKeyId: 'a', secretAccessKey: 's' }, lambdaEndpoint: 'http://127.0.0.1:9' };
const sandbox = await startProcessSandbox({
  version,
  onLog: () => undefined,
  command: (runtimeApi) => sandboxCommand(version, { ...host, runtimeApi }, defaultLauncherPaths(), 'studio'),
});
const result = await sandbox.invoke({ requestId: 'req-1', payload: Buffer.from('{}'), invokedFunctionArn: host.functionArn, traceId: 'Root=1-0-0' });
process.stdout.write(`${result.payload.toString()}\n`);
setInterval(() => undefined, 60_000);
