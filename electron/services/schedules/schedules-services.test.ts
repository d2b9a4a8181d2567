import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { startStudioServices, type StudioServices } from '../studio/studio-services.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let services: StudioServices;
const base = { runtime: 'nodejs22.x', handler: 'index.handler', timeout: 10 } as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-schedules-'));
  const folder = join(dir, 'functions', 'nightly');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'index.mjs'), "export const handler = async (event) => { console.log('scheduled', event['detail-type'], event.source, event.resources[0]); return 'done'; };\n");
  await writeFile(join(folder, 'function.json'), JSON.stringify({ ...base, triggers: { schedule: { enabled: true, expression: 'rate(1 hour)' } } }));
  services = await startStudioServices({ workspaceDir: dir, host: 'serve', version: '0.0.0', resourcesDir: join(root, 'resources'), nodeModulesDir: join(root, 'node_modules'), syncOnStart: false });
}, 60_000);

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('schedules in the studio', () => {
  it('shows the next five times of a running schedule and fires it now with the scheduled event', async () => {
    const status = await services.handlers['schedules.status']({ functionName: 'nightly' });
    expect(status.next).toHaveLength(5);
    const gaps = status.next.slice(1).map((t, i) => Date.parse(t) - Date.parse(status.next[i] ?? ''));
    expect(gaps).toEqual([3_600_000, 3_600_000, 3_600_000, 3_600_000]);

    const lines: string[] = [];
    const stop = services.lambda.onLog((line) => lines.push(line.line));
    await services.handlers['schedules.fireNow']({ functionName: 'nightly' });
    stop();
    expect(lines.some((l) => l.includes('scheduled Scheduled Event aws.events arn:aws:events:us-east-1:000000000000:rule/nightly-schedule'))).toBe(true);
  }, 30_000);

  it('follows a schedule saved from the form, and refuses to fire a function without one', async () => {
    await services.handlers['functions.saveConfig']({ name: 'nightly', config: FunctionConfig.parse({ ...base, triggers: { schedule: { enabled: true, expression: 'cron(0 12 * * ? *)' } } }) });
    await expect.poll(async () => (await services.handlers['schedules.status']({ functionName: 'nightly' })).next[0]?.slice(11), { timeout: 10_000 }).toBe('12:00:00.000Z');
    await services.handlers['functions.saveConfig']({ name: 'nightly', config: FunctionConfig.parse(base) });
    await expect.poll(async () => (await services.handlers['schedules.status']({ functionName: 'nightly' })).next, { timeout: 10_000 }).toEqual([]);
    await expect(services.handlers['schedules.fireNow']({ functionName: 'nightly' })).rejects.toThrow(/no schedule running/);
  }, 30_000);
});
