import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openQueueStore } from '../services/queues/queue-store.ts';
import { runCli, tempWorkspace } from './test-support.ts';

const workspace = await tempWorkspace('studio-queue-cli-');

async function addFunction(name: string, config: object): Promise<void> {
  await mkdir(join(workspace, 'functions', name), { recursive: true });
  await writeFile(join(workspace, 'functions', name, 'function.json'), JSON.stringify({ runtime: 'nodejs22.x', handler: 'index.handler', ...config }));
}

function stored(queue: string) {
  const store = openQueueStore(join(workspace, '.studio', 'queues.db'));
  try {
    return store.list(queue, Date.now(), 100);
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  await addFunction('orders', { triggers: { queue: { enabled: false } } });
  await addFunction('plain', {});
});

describe('cli queue send', () => {
  it('puts one message, or each item of a JSON array with --each, on the queue and prints their ids', async () => {
    const one = await runCli(['queue', 'send', 'orders', '--workspace', workspace, '--body', '[1,2]']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/queue is off: the messages wait/);
    const each = await runCli(['queue', 'send', 'orders', '--workspace', workspace, '--body', '[{"id":1},"two"]', '--each', '-a', 'kind=order']);
    expect(each.code, each.stderr).toBe(0);
    const printed = each.stdout.trim().split('\n').map((line) => JSON.parse(line) as { messageId: string; md5OfBody: string });
    expect(printed).toHaveLength(2);
    expect(printed[0]?.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
    expect(stored('orders').map((m) => m.body)).toEqual(['[1,2]', '{"id":1}', 'two']);
  }, 30_000);

  it('sends nothing, with exit code 2 and the reason, for a missing function, one without a queue, or an empty message', async () => {
    const missing = await runCli(['queue', 'send', 'nope', '--workspace', workspace, '--body', 'x']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, expect.stringMatching(/has no function nope/)]);
    const plain = await runCli(['queue', 'send', 'plain', '--workspace', workspace, '--body', 'x']);
    expect([plain.code, plain.stderr.trim()]).toEqual([2, expect.stringMatching(/plain has no queue/)]);
    const empty = await runCli(['queue', 'send', 'orders', '--workspace', workspace, '--body', '["ok",""]', '--each']);
    expect([empty.code, empty.stderr.trim()]).toEqual([2, "Nothing was sent: message 2's body is empty (SQS takes no empty message)."]);
    expect(stored('orders')).toHaveLength(3);
  }, 30_000);
});
