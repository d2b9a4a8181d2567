import type Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import { debuglog } from 'node:util';
import { type CgroupFreezer, openCgroupFreezer } from './cgroup-freezer.ts';
import type { SandboxChild, SandboxExit } from './sandbox-types.ts';

/** `NODE_DEBUG=lambda-studio` prints how each container is frozen. */
const debug = debuglog('lambda-studio');

/**
 * How containers are frozen between invocations: `auto` through their cgroup freezer where this
 * host can write it, else with the engine's pause; `engine` always with the pause; `none` not at
 * all (to measure what freezing costs).
 */
export type ContainerFreezeMode = 'auto' | 'engine' | 'none';

/** How one container is frozen and thawed, decided once when it starts. */
interface FreezeRoute {
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Undoes before the container's removal what the engine does not know about. */
  release(): Promise<void>;
  /** The cgroup freezer, when the container goes through it. */
  cgroup?: CgroupFreezer;
}

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
 * The engine's pause and unpause: the cgroup freezer behind an API call and a runc run each,
 * some 20 ms apiece. The engine's own paused flag can lag behind a quick pause-unpause-pause (it
 * is also set from events); on a refusal, its state decides whether there is anything left to do.
 */
function engineRoute(container: Docker.Container): FreezeRoute {
  return {
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
    // The engine knows the container is paused and thaws it to remove it.
    release: async () => undefined,
  };
}

/**
 * The container's own cgroup freezer, written from the host: what the engine's pause does, without
 * the API and runc round trips. The engine then sees a frozen container as running, so whatever
 * ends one goes through {@link FreezeRoute.release} first.
 */
function cgroupRoute(freezer: CgroupFreezer, name: string): FreezeRoute {
  return {
    // Done once asked: the sandbox's next thaw cancels a freeze still under way instead of
    // waiting for every process to stop (on a busy host a sleeping one must be scheduled first).
    async freeze() {
      freezer.requestFreeze().catch((error: unknown) => debug('%s: did not freeze: %s', name, (error as Error).message));
    },
    thaw: () => freezer.thaw(),
    release: () => freezer.release(),
    cgroup: freezer,
  };
}

function chooseFreezeRoute(container: Docker.Container, mode: ContainerFreezeMode, info: Docker.ContainerInspectInfo | undefined): FreezeRoute {
  const name = info?.Name.replace(/^\//, '') ?? container.id;
  if (mode === 'none') {
    debug('%s: not frozen between invocations', name);
    return { freeze: async () => undefined, thaw: async () => undefined, release: async () => undefined };
  }
  if (mode === 'engine') {
    debug("%s: frozen with the engine's pause, as asked", name);
    return engineRoute(container);
  }
  const opened = info === undefined ? { reason: 'the engine did not describe it' } : openCgroupFreezer(info.State.Pid, info.Id);
  if ('reason' in opened) {
    debug("%s: frozen with the engine's pause: %s", name, opened.reason);
    return engineRoute(container);
  }
  debug('%s: frozen through its cgroup v%d freezer at %s', name, opened.location.version, opened.location.dir);
  return cgroupRoute(opened, name);
}

/**
 * Force-removes a container the runner finds by listing (one a crashed studio left, or one still
 * there when it closes). One frozen through its cgroup, which the engine takes for running, has
 * its processes killed and is thawed first: the engine's kill would otherwise wait on it.
 */
export async function removeContainer(container: Docker.Container): Promise<void> {
  try {
    const info = await container.inspect();
    if (info.State.Running && !info.State.Paused) {
      const freezer = openCgroupFreezer(info.State.Pid, info.Id);
      if (!('reason' in freezer)) await freezer.release();
    }
    await container.remove({ force: true });
  } catch {
    // already gone
  }
}

/**
 * Creates and starts a container as a sandbox program: its output streamed like a child
 * process's, its end reported with the engine's out-of-memory verdict, and removed (never
 * just stopped) once it ends or is killed. `track` learns every removal still in flight, so
 * the runner can wait for them when it closes.
 */
export async function startContainer(docker: Docker, spec: Docker.ContainerCreateOptions, track: (removal: Promise<void>) => void, freezeMode: ContainerFreezeMode = 'auto'): Promise<SandboxChild> {
  const container = await docker.createContainer(spec);
  let removal: Promise<void> | undefined;
  // Set once the container has started: how it is frozen, decided then.
  let route: Promise<FreezeRoute | undefined> = Promise.resolve(undefined);
  const remove = (): Promise<void> => {
    removal ??= (async () => {
      await (await route)?.release();
      await container.remove({ force: true });
    })().then(
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
  // Asked once, at once: the memory watch and the freezer both need the container's init pid.
  const described = container.inspect().then(
    (info) => {
      initPid = info.State.Pid;
      return info;
    },
    () => undefined,
  );
  const decided = described.then((info) => chooseFreezeRoute(container, freezeMode, info));
  route = decided;
  let chosen: FreezeRoute | undefined;
  void decided.then((found) => {
    chosen = found;
  });
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
      if (pid === undefined && initPid !== undefined) pid = runtimePid(initPid);
      return pid;
    },
    exited,
    kill() {
      // A forced removal ends a paused container too, but the engine signals the container's
      // init and then thaws it; under cgroup v1 the runtime runs for a moment until init's end
      // takes it down. A host allowed to signal the runtime itself ends it first, frozen; one
      // that drives the container's cgroup kills all of its processes, and the removal thaws them
      // dead.
      if (chosen?.cgroup !== undefined) chosen.cgroup.killAll();
      else if (pid !== undefined) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // not this host user's to signal
        }
      }
      void remove();
    },
    // The cgroup freezer: every process of the container stops where it is, as in Lambda.
    async freeze() {
      await (chosen ?? (await decided)).freeze();
    },
    async thaw() {
      await (chosen ?? (await decided)).thaw();
    },
    async settleOutput({ quietMs, maxMs }) {
      const started = performance.now();
      const pause = () => new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs / 2)));
      do await pause();
      while (performance.now() - lastOutputAt < quietMs && performance.now() - started < maxMs);
    },
  };
}
