import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_RUNNER } from '../lambda/test-support.ts';
import type { SandboxLogLine } from '../runners/sandbox-types.ts';
import { type DurableHarness, startDurableHarness } from './test-support.ts';

let h: DurableHarness;
beforeAll(async () => {
  h = await startDurableHarness();
  await h.deploy('race', 'race-loser.mjs');
}, 30_000);
afterAll(async () => {
  await h?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`a durable handler's work left running after its invocation (${TEST_RUNNER} sandboxes)`, () => {
  it("stays frozen with its sandbox: the losing branch of a race does not checkpoint with the spent token while the sandbox waits", async () => {
    const lines: SandboxLogLine[] = [];
    const stop = h.service.onLog((line) => {
      if (line.functionName === 'race') lines.push(line);
    });
    try {
      // The host's temp folder, which container sandboxes share.
      const gate = join(mkdtempSync(join(tmpdir(), 'race-gate-')), 'open');
      const first = await h.start('race', { gate });
      const done = await h.finish(first);
      expect(done.Status).toBe('SUCCEEDED');
      expect(JSON.parse(done.Result ?? 'null')).toEqual({ winner: 'fast' });
      // The sandbox freezes once its runtime, having answered, asks for the next event: a moment
      // after the execution ends, in which the loser still runs. Wait until its beats stop.
      // An empty beat file is a beat too: writeFileSync truncates before it writes, and the
      // freeze can fall between the two, leaving the file empty for good.
      const beat = () => (existsSync(`${gate}.beat`) ? readFileSync(`${gate}.beat`, 'utf8') : undefined);
      await expect
        .poll(async () => {
          const before = beat();
          await pause(500);
          return before !== undefined && beat() === before;
        }, { timeout: 10_000 })
        .toBe(true);
      // Only now may the loser go on; had its sandbox kept running, it would finish within a poll.
      writeFileSync(gate, '');
      // Proving that something does not happen takes a window of time, no signal marks it.
      await pause(1000);
      expect(lines.map((l) => l.line).join('\n')).not.toContain('late step finished');
      expect(lines.map((l) => l.line).join('\n')).not.toMatch(/Invalid Checkpoint Token|Failed to checkpoint/i);
      expect((await h.history(first)).filter((e) => e.Name === 'late').map((e) => e.EventType)).toEqual(['StepStarted']);

      // The next invocation of that sandbox resumes the loser, as a reused environment does on
      // AWS: what it writes then is logged under that invocation, which is not disturbed by it.
      // The second execution's own loser waits at a gate that never opens; its winner waits for
      // the first loser to finish, which only a thawed sandbox lets it do.
      const second = await h.start('race', { gate: `${gate}-never`, holdFor: `${gate}.finished` });
      expect((await h.finish(second)).Status).toBe('SUCCEEDED');
      await expect.poll(() => lines.find((l) => l.line.includes('late step finished'))).toBeDefined();
      const starts = lines.filter((l) => l.line.startsWith('START RequestId: ')).map((l) => l.requestId);
      expect(starts).toHaveLength(2);
      expect(lines.find((l) => l.line.includes('late step finished'))?.requestId).toBe(starts[1]);
      expect((await h.history(first)).filter((e) => e.Name === 'late').map((e) => e.EventType)).toEqual(['StepStarted']);
    } finally {
      stop();
    }
  }, 30_000);
});
