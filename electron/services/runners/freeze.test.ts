import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploy, invoke, startTestService, TEST_RUNNER, type TestService } from '../lambda/test-support.ts';
import { openCgroupFreezer } from './cgroup-freezer.ts';
import { LABELS } from './docker-container.ts';
import { LOCAL_NODE_IMAGE } from './docker-images.ts';
import type { SandboxLogLine } from './sandbox-types.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A process's state letter from /proc (R, S, T for stopped, Z for a zombie), or 'gone'. */
function processState(pid: number): string {
  try {
    return /\) (\w)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] ?? 'gone';
  } catch {
    return 'gone';
  }
}
const requestIdOf = (log: string) => /START RequestId: (\S+)/.exec(log)?.[1];

/** A handler that leaves a 500 ms timer behind and answers at once. */
const leavesTimer = {
  'index.mjs': `export const handler = async (event) => {
    setTimeout(() => console.log('timer of', event.n), 500);
    return { n: event.n, pid: process.pid };
  };`,
};

/** Collects a service's log lines of one function. */
function collect(t: TestService, functionName: string): { lines: SandboxLogLine[]; text(): string; stop(): void } {
  const lines: SandboxLogLine[] = [];
  const stop = t.service.onLog((line) => {
    if (line.functionName === functionName) lines.push(line);
  });
  return { lines, text: () => lines.map((l) => l.line).join('\n'), stop };
}

describe(`sandboxes freeze between invocations (${TEST_RUNNER} sandboxes)`, () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(async () => {
    await t.close();
  });

  it("runs a timer left behind only once the next invocation arrives, and logs it under that invocation", async () => {
    await deploy(t, 'timer', leavesTimer);
    const logs = collect(t, 'timer');
    try {
      const first = await invoke(t, 'timer', { n: 1 });
      expect(first.body['n']).toBe(1);
      // Twice the timer's delay: a sandbox left running would have logged it by now.
      await pause(1000);
      expect(logs.text()).not.toContain('timer of 1');

      const second = await invoke(t, 'timer', { n: 2 });
      expect(second.body['pid']).toBe(first.body['pid']);
      const secondId = requestIdOf(second.log);
      await expect.poll(() => logs.lines.find((l) => l.line.includes('timer of 1'))?.requestId).toBe(secondId);
      // The second invocation's own timer is frozen in turn.
      await pause(1000);
      expect(logs.text()).not.toContain('timer of 2');
    } finally {
      logs.stop();
    }
  });

  it('keeps serving and timing out invocation after invocation, thawed each time', async () => {
    await deploy(t, 'thawed', {
      'index.mjs': `export const handler = async (event) => {
        if (event.hang) await new Promise((r) => setTimeout(r, 10_000));
        return { n: event.n };
      };`,
    }, { timeout: 1 });
    for (let n = 1; n <= 5; n++) expect((await invoke(t, 'thawed', { n })).body).toEqual({ n });
    const timedOut = await invoke(t, 'thawed', { hang: true });
    expect(timedOut.body['errorType']).toBe('Sandbox.Timedout');
    expect((await invoke(t, 'thawed', { n: 6 })).body).toEqual({ n: 6 });
  });
});

describe(`a frozen sandbox reaped before its next invocation (${TEST_RUNNER} sandboxes)`, () => {
  it('never runs the work it left behind, and is gone', async () => {
    const short = await startTestService({ idleSandboxMs: 1000 });
    const logs = collect(short, 'reaped');
    try {
      await deploy(short, 'reaped', leavesTimer);
      const out = await invoke(short, 'reaped', { n: 1 });
      expect(short.service.sandboxStats()['reaped']).toBe(1);
      await expect.poll(() => short.service.sandboxStats()['reaped'], { timeout: 5000 }).toBeUndefined();
      await pause(300);
      expect(logs.text()).not.toContain('timer of 1');
      if (TEST_RUNNER === 'process') {
        // Killed while stopped: the process is gone, not left stopped forever.
        await expect.poll(() => processState(Number(out.body['pid']))).toMatch(/^(gone|Z)$/);
      }
    } finally {
      logs.stop();
      await short.close();
    }
  });
});

describe.skipIf(TEST_RUNNER === 'docker')('a frozen process sandbox whose host dies', () => {
  it('does not stay stopped behind it', async () => {
    const host = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'frozen-host.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: host.stdout }).once('line', resolve);
        host.once('exit', () => reject(new Error('the host ended before its sandbox answered')));
      });
      const pid = (JSON.parse(first) as { pid: number }).pid;
      await expect.poll(() => processState(pid)).toBe('T');
      host.kill('SIGKILL');
      await expect.poll(() => processState(pid), { timeout: 5000 }).toMatch(/^(gone|Z)$/);
    } finally {
      host.kill('SIGKILL');
    }
  });
});

/** The one container of a function that a service runs. */
async function containerOf(t: TestService, functionName: string) {
  const listed = await t.service.docker.engine.docker.listContainers({ filters: { label: [`${LABELS.instance}=${t.service.docker.instanceId}`, `${LABELS.functionName}=${functionName}`] } });
  expect(listed).toHaveLength(1);
  return t.service.docker.engine.docker.getContainer(listed[0]?.Id ?? '');
}
/** A test service that can be closed in the test and again, harmlessly, in its cleanup. */
async function startClosable(options: Parameters<typeof startTestService>[0] = {}): Promise<TestService> {
  const t = await startTestService(options);
  let closing: Promise<void> | undefined;
  return { ...t, close: () => (closing ??= t.close()) };
}
const procsOf = (dir: string) => readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);

describe.skipIf(TEST_RUNNER !== 'docker')('a container frozen through its cgroup (docker sandboxes)', () => {
  it('is frozen between invocations while the engine reports it running, and ends with every process once the studio closes', async (context) => {
    const t = await startClosable();
    try {
      await deploy(t, 'cgroup', leavesTimer);
      expect((await invoke(t, 'cgroup', { n: 1 })).body['n']).toBe(1);
      const container = await containerOf(t, 'cgroup');
      const started = await container.inspect();
      const freezer = openCgroupFreezer(started.State.Pid, started.Id);
      if ('reason' in freezer) return context.skip(`this host cannot write the container's freezer: ${freezer.reason}`);
      await expect.poll(() => freezer.frozen()).toBe(true);
      const pids = procsOf(freezer.location.dir);
      expect(pids.length).toBeGreaterThanOrEqual(2); // the init and the runtime
      // Behind the engine's back: it sees a running container, which is why every way of ending one thaws it first.
      const frozenInfo = await container.inspect();
      expect(frozenInfo.State.Running).toBe(true);
      expect(frozenInfo.State.Paused).toBe(false);

      expect((await invoke(t, 'cgroup', { n: 2 })).body['n']).toBe(2);
      await expect.poll(() => freezer.frozen()).toBe(true);
      await t.close();
      await expect(container.inspect()).rejects.toThrow();
      for (const pid of pids) await expect.poll(() => processState(pid), { timeout: 5000 }).toBe('gone');
    } finally {
      await t.close();
    }
  });

  it('is removed by the next studio when a crashed one left it frozen, its processes killed before they could run again', async (context) => {
    const t = await startTestService();
    const docker = t.service.docker.engine.docker;
    const dead = 2 ** 22 + 1; // above Linux's largest pid: no process has it
    const ticks = join(t.stateDir, 'ticks');
    const leftover = await docker.createContainer({
      Image: LOCAL_NODE_IMAGE,
      Entrypoint: ['/usr/bin/node', '-e', `setInterval(() => require('node:fs').appendFileSync(${JSON.stringify(ticks)}, '.'), 2)`],
      Labels: { [LABELS.managed]: 'true', [LABELS.instance]: 'crashed', [LABELS.ownerPid]: String(dead) },
      HostConfig: { Init: true, NetworkMode: 'host', Binds: [`${t.stateDir}:${t.stateDir}`] },
    });
    try {
      await leftover.start();
      const info = await leftover.inspect();
      const freezer = openCgroupFreezer(info.State.Pid, info.Id);
      if ('reason' in freezer) return context.skip(`this host cannot write the container's freezer: ${freezer.reason}`);
      await expect.poll(() => readFileSync(ticks, 'utf8').length, { timeout: 5000 }).toBeGreaterThan(0);
      await freezer.freeze();
      const pids = procsOf(freezer.location.dir);
      const frozenAt = readFileSync(ticks, 'utf8').length;

      expect(await t.service.docker.cleanupLeftovers()).toBeGreaterThanOrEqual(1);
      await expect(leftover.inspect()).rejects.toThrow();
      for (const pid of pids) await expect.poll(() => processState(pid), { timeout: 5000 }).toBe('gone');
      expect(readFileSync(ticks, 'utf8').length).toBe(frozenAt);
    } finally {
      await leftover.remove({ force: true }).catch(() => undefined);
      await t.close();
    }
  });

  it('runs on when thawed right after its freeze was asked for, as a sandbox invoked again at once is', async (context) => {
    const t = await startClosable();
    const ticks = join(t.stateDir, 'ticks');
    const container = await t.service.docker.engine.docker.createContainer({
      Image: LOCAL_NODE_IMAGE,
      Entrypoint: ['/usr/bin/node', '-e', `setInterval(() => require('node:fs').appendFileSync(${JSON.stringify(ticks)}, '.'), 2)`],
      HostConfig: { Init: true, NetworkMode: 'host', Binds: [`${t.stateDir}:${t.stateDir}`] },
    });
    try {
      await container.start();
      const info = await container.inspect();
      const freezer = openCgroupFreezer(info.State.Pid, info.Id);
      if ('reason' in freezer) return context.skip(`this host cannot write the container's freezer: ${freezer.reason}`);
      await expect.poll(() => readFileSync(ticks, 'utf8').length, { timeout: 5000 }).toBeGreaterThan(0);
      for (let i = 0; i < 20; i++) {
        const settled = freezer.requestFreeze();
        await freezer.thaw();
        await settled;
      }
      await pause(50); // a freeze left waiting would ask the kernel again within a turn or two
      expect(freezer.frozen()).toBe(false);
      const thawedAt = readFileSync(ticks, 'utf8').length;
      await expect.poll(() => readFileSync(ticks, 'utf8').length).toBeGreaterThan(thawedAt);
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
      await t.close();
    }
  });

  it("is paused by the engine instead when asked to (the route of hosts that cannot write the freezer), and served as well", async () => {
    const t = await startClosable({ docker: { freezeMode: 'engine' } });
    const logs = collect(t, 'paused');
    try {
      await deploy(t, 'paused', leavesTimer);
      await invoke(t, 'paused', { n: 1 });
      const container = await containerOf(t, 'paused');
      await expect.poll(async () => (await container.inspect()).State.Paused).toBe(true);
      await pause(700); // past the timer's due time: it fires as soon as the sandbox thaws
      expect(logs.text()).not.toContain('timer of 1');
      const second = await invoke(t, 'paused', { n: 2 });
      await expect.poll(() => logs.lines.find((l) => l.line.includes('timer of 1'))?.requestId).toBe(requestIdOf(second.log));
      await t.close();
      await expect(container.inspect()).rejects.toThrow();
    } finally {
      logs.stop();
      await t.close();
    }
  });
});
