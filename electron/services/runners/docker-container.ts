import type Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import type { SandboxChild, SandboxExit } from './sandbox-types.ts';

/** Labels every container the studio starts carries, so it can find its own (and a crashed run's) again. */
export const LABELS = {
  managed: 'lambda-studio.managed',
  instance: 'lambda-studio.instance',
  ownerPid: 'lambda-studio.owner-pid',
  functionName: 'lambda-studio.function',
} as const;

const signalName = (code: number): NodeJS.Signals | null => {
  const number = code - 128;
  const found = Object.entries(constants.signals).find(([, value]) => value === number);
  return found === undefined ? null : (found[0] as NodeJS.Signals);
};

/**
 * The function's own process inside the container: the container's first process is a tiny
 * init (so a handler that signals itself dies as it would in Lambda, which PID 1 would not),
 * and the runtime is its child. Read from the host's /proc, so Linux with a local engine only.
 */
function runtimePid(initPid: number): number | undefined {
  if (process.platform !== 'linux' || initPid <= 0) return undefined;
  try {
    const children = readFileSync(`/proc/${initPid}/task/${initPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates and starts a container as a sandbox program: its output streamed like a child
 * process's, its end reported with the engine's out-of-memory verdict, and removed (never
 * just stopped) once it ends or is killed. `track` learns every removal still in flight, so
 * the runner can wait for them when it closes.
 */
export async function startContainer(docker: Docker, spec: Docker.ContainerCreateOptions, track: (removal: Promise<void>) => void): Promise<SandboxChild> {
  const container = await docker.createContainer(spec);
  let removal: Promise<void> | undefined;
  const remove = (): Promise<void> => {
    removal ??= container.remove({ force: true }).then(
      () => undefined,
      () => undefined, // already gone
    );
    track(removal);
    return removal;
  };
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let lastOutputAt = performance.now();
  const noteOutput = () => {
    lastOutputAt = performance.now();
  };
  stdout.on('data', noteOutput);
  stderr.on('data', noteOutput);
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: true, logs: false });
    docker.modem.demuxStream(stream, stdout, stderr);
    stream.on('end', () => {
      stdout.end();
      stderr.end();
    });
    await container.start();
  } catch (error) {
    await remove();
    throw error;
  }
  let initPid: number | undefined;
  let pid: number | undefined;
  let pidLookup = false;
  const exited = container.wait().then(
    async (answer: { StatusCode?: number }): Promise<SandboxExit> => {
      const code = answer.StatusCode ?? 0;
      let outOfMemory = false;
      try {
        outOfMemory = (await container.inspect()).State.OOMKilled;
      } catch {
        // removed already: it was killed on purpose
      }
      void remove();
      const signal = code > 128 ? signalName(code) : null;
      return { code: signal === null ? code : null, signal, outOfMemory };
    },
    (error: Error): SandboxExit & { startError: string } => {
      void remove();
      return { code: null, signal: 'SIGKILL', startError: `The container stopped answering: ${error.message}` };
    },
  );
  return {
    stdout,
    stderr,
    memoryPid() {
      if (!pidLookup) {
        pidLookup = true;
        void container.inspect().then(
          (info) => {
            initPid = info.State.Pid;
          },
          () => undefined,
        );
      }
      if (pid === undefined && initPid !== undefined) pid = runtimePid(initPid);
      return pid;
    },
    exited,
    kill() {
      // A forced removal ends a paused container too, but the engine signals the container's
      // init and then thaws it; under cgroup v1 the runtime runs for a moment until init's end
      // takes it down. A host allowed to signal the runtime itself ends it first, frozen.
      if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // not this host user's to signal
        }
      }
      void remove();
    },
    // The cgroup freezer: every process of the container stops where it is, as in Lambda. The
    // engine's own paused flag can lag behind a quick pause-unpause-pause (it is also set from
    // events); on a refusal, its state decides whether there is anything left to do.
    async freeze() {
      try {
        await container.pause();
      } catch (error) {
        if ((await container.inspect()).State.Paused !== true) throw error;
      }
    },
    async thaw() {
      try {
        await container.unpause();
      } catch (error) {
        if ((await container.inspect()).State.Paused !== false) throw error;
      }
    },
    async settleOutput({ quietMs, maxMs }) {
      const started = performance.now();
      const pause = () => new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs / 2)));
      do await pause();
      while (performance.now() - lastOutputAt < quietMs && performance.now() - started < maxMs);
    },
  };
}
