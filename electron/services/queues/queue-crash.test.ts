import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { serveProcess } from '../../server/test-support.ts';

/**
 * The whole studio (`serve`) is SIGKILLed, process group and all, while the function behind a
 * queue runs a batch, and started again on the same workspace. No message may be lost, and none
 * whose batch's success was recorded may be delivered again: the batch cut short comes back after
 * its visibility timeout, the ones before it never do.
 */
const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');
const root = await mkdtemp(join(tmpdir(), 'queue-crash-'));
const workspace = join(root, 'workspace');
const runsFile = join(root, 'runs.log');
const studio = serveProcess(workspace, join(root, 'config'));

afterAll(async () => {
  await studio.kill();
  await rm(root, { recursive: true, force: true });
});

// Each batch appends `start <id>:<receive count> …` when it begins and `done <id> …` just before it answers.
const HANDLER = `import { appendFileSync } from 'node:fs';
export const handler = async (event) => {
  const log = ${JSON.stringify(runsFile)};
  appendFileSync(log, 'start ' + event.Records.map((r) => JSON.parse(r.body).id + ':' + r.attributes.ApproximateReceiveCount).join(' ') + '\\n');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  appendFileSync(log, 'done ' + event.Records.map((r) => JSON.parse(r.body).id).join(' ') + '\\n');
  return { batchItemFailures: [] };
};
`;

const runLines = () => (existsSync(runsFile) ? readFileSync(runsFile, 'utf8') : '').split('\n').filter(Boolean);
const starts = () => runLines().filter((l) => l.startsWith('start '));

/** The queue's rows as the store holds them. */
function storedMessages(): number {
  const path = join(workspace, '.studio', 'queues.db');
  if (!existsSync(path)) return -1;
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe('a queue through a SIGKILL of the whole studio mid-batch', () => {
  it('delivers the cut batch again and no batch whose success was recorded', async () => {
    const dir = join(workspace, 'functions', 'worker');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'index.mjs'), HANDLER);
    await writeFile(
      join(dir, 'function.json'),
      JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', timeout: 30, triggers: { queue: { enabled: true, batchSize: 3, visibilityTimeoutSeconds: 2, maxReceiveCount: 5 } } }),
    );
    await studio.start();
    // Sent by the CLI into the store of the running studio, as a user would.
    const bodies = JSON.stringify(Array.from({ length: 9 }, (_, i) => ({ id: `m${i + 1}` })));
    const sent = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', cli, 'queue', 'send', 'worker', '--workspace', workspace, '--body', bodies, '--each'], { encoding: 'utf8' });
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout.trim().split('\n')).toHaveLength(9);

    // Killed while the second batch runs: the first one's success is recorded by then.
    await expect.poll(() => starts().length, { timeout: 30_000, interval: 20 }).toBe(2);
    await studio.kill();
    expect(runLines()).toEqual(['start m1:1 m2:1 m3:1', 'done m1 m2 m3', 'start m4:1 m5:1 m6:1']);
    expect(storedMessages()).toBe(6);

    await studio.start();
    await expect.poll(storedMessages, { timeout: 30_000, interval: 100 }).toBe(0);
    await studio.kill();
    const deliveries = starts().flatMap((line) => line.slice('start '.length).split(' '));
    // m1-m3 once; the cut batch again, received a second time; the rest once.
    expect(deliveries.sort()).toEqual(['m1:1', 'm2:1', 'm3:1', 'm4:1', 'm4:2', 'm5:1', 'm5:2', 'm6:1', 'm6:2', 'm7:1', 'm8:1', 'm9:1']);
    const done = runLines().filter((l) => l.startsWith('done ')).flatMap((l) => l.slice('done '.length).split(' '));
    expect(new Set(done)).toEqual(new Set(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']));
  }, 90_000);
});
