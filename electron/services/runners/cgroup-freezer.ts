import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a process's cgroup freezer is, as this host sees it: a v1 freezer hierarchy's folder or a v2 cgroup's. */
export interface FreezerLocation {
  version: 1 | 2;
  dir: string;
}

/** Why a process's freezer cannot be used from here. */
export interface FreezerUnavailable {
  reason: string;
}

interface Mount {
  root: string;
  mountPoint: string;
  fsType: string;
  superOptions: string[];
}

/** mountinfo escapes spaces, tabs, newlines and backslashes in paths as octal. */
const unescapeMountPath = (path: string) => path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

function parseMountInfo(mountInfo: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of mountInfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (before === undefined || after === undefined) continue;
    const fields = before.split(' ');
    const [fsType, , superOptions] = after.split(' ');
    const root = fields[3];
    const mountPoint = fields[4];
    if (root === undefined || mountPoint === undefined || fsType === undefined) continue;
    mounts.push({ root: unescapeMountPath(root), mountPoint: unescapeMountPath(mountPoint), fsType, superOptions: (superOptions ?? '').split(',') });
  }
  return mounts;
}

/** The folder of cgroup `path` under `mount`, when the mount shows it (its root is the path or an ancestor). */
function under(mount: Mount, path: string): string | undefined {
  if (mount.root === '/') return join(mount.mountPoint, path);
  if (path === mount.root) return mount.mountPoint;
  if (path.startsWith(`${mount.root}/`)) return join(mount.mountPoint, path.slice(mount.root.length));
  return undefined;
}

/**
 * Finds a process's freezer from its `/proc/<pid>/cgroup` and this host's `/proc/self/mountinfo`.
 * Where a v1 freezer hierarchy is mounted (cgroup v1, or the hybrid layout) the engine's runtime
 * freezes there, so that one is used; on a unified (v2) host, the process's cgroup itself.
 */
export function locateFreezer(procCgroup: string, mountInfo: string): FreezerLocation | FreezerUnavailable {
  const lines = procCgroup
    .split('\n')
    .map((line) => /^(\d+):([^:]*):(.*)$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map(([, id, controllers, path]) => ({ id: id ?? '', controllers: (controllers ?? '').split(','), path: path ?? '' }));
  const mounts = parseMountInfo(mountInfo);
  const v1 = lines.find((line) => line.controllers.includes('freezer'));
  const v2 = lines.find((line) => line.id === '0' && line.controllers.join('') === '');
  const chosen = v1 ?? v2;
  if (chosen === undefined) return { reason: 'the process is in no freezer cgroup' };
  const version = v1 === undefined ? 2 : 1;
  // A cgroup outside this host's cgroup namespace shows as a path climbing out of it.
  if (chosen.path.split('/').includes('..')) return { reason: `its cgroup (${chosen.path}) is outside this host's view` };
  if (chosen.path === '/') return { reason: 'the process is in the root cgroup, which cannot be frozen' };
  const candidates = mounts.filter((mount) => (version === 1 ? mount.fsType === 'cgroup' && mount.superOptions.includes('freezer') : mount.fsType === 'cgroup2'));
  if (candidates.length === 0) return { reason: version === 1 ? 'the cgroup v1 freezer hierarchy is not mounted here' : 'the cgroup v2 hierarchy is not mounted here' };
  for (const mount of candidates) {
    const dir = under(mount, chosen.path);
    if (dir !== undefined) return { version, dir };
  }
  return { reason: `no cgroup mount here shows ${chosen.path}` };
}

/** A container's cgroup freezer, driven from the host. */
export interface CgroupFreezer {
  readonly location: FreezerLocation;
  /**
   * Asks the kernel to freeze every process of the cgroup, at once (throws when it cannot: the
   * cgroup is gone), and returns the wait until all are frozen, which rejects when they would not
   * freeze in time. A thaw asked for meanwhile ends the wait (resolved) and the freeze with it:
   * a sandbox invoked again at once need not wait for its processes to stop first.
   */
  requestFreeze(): Promise<void>;
  /** Freezes every process of the cgroup; resolves once all are frozen (or a thaw came first). */
  freeze(): Promise<void>;
  /** Thaws the cgroup; resolves once it runs again. */
  thaw(): Promise<void>;
  /** True when the cgroup is frozen or freezing. */
  frozen(): boolean;
  /** SIGKILLs every process of the cgroup. Under v1 a frozen process dies only once thawed. */
  killAll(): void;
  /**
   * For a container about to be removed: a frozen one has every process killed, then is thawed
   * so they die without running on (the engine, which does not know it is frozen, would signal
   * its init only, and a v1 freezer holds even SIGKILL). Any freeze after this is refused.
   */
  release(): Promise<void>;
}

/** How long a freeze may take before it is given up (runc's own limit is of this order). */
const FREEZE_LIMIT_MS = 2_000;

const nextTurn = (attempt: number) => new Promise<void>((resolve) => (attempt < 20 ? setImmediate(resolve) : setTimeout(resolve, 1)));

/** The cgroup freezer of `location`. Its files are small kernel files: reading and writing them synchronously takes microseconds. */
export function cgroupFreezer(location: FreezerLocation): CgroupFreezer {
  const { dir, version } = location;
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const write = (file: string, value: string) => writeFileSync(join(dir, file), value);
  const isFrozen = (): boolean => (version === 1 ? read('freezer.state').trim() === 'FROZEN' : /^frozen 1$/m.test(read('cgroup.events')));
  const request = (frozen: boolean) => (version === 1 ? write('freezer.state', frozen ? 'FROZEN' : 'THAWED') : write('cgroup.freeze', frozen ? '1' : '0'));
  // Both versions report the state they reach apart from the request: v1 reads FREEZING until
  // every task has stopped, v2's cgroup.events says `frozen 1` then.
  let released = false;
  // Each thaw (or release) starts a new generation: a freeze still waiting from an older one stops.
  let generation = 0;
  const settle = async (frozen: boolean, own: number) => {
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      if (isFrozen() === frozen) return;
      if (performance.now() - started > FREEZE_LIMIT_MS) {
        if (frozen) request(false); // not left half frozen
        throw new Error(`The container's cgroup did not ${frozen ? 'freeze' : 'thaw'} within ${FREEZE_LIMIT_MS / 1000} s.`);
      }
      await nextTurn(attempt);
      if (generation !== own) return;
      // v1 freezes the tasks it can and reads FREEZING for the rest: asking again retries them, as runc does.
      if (frozen && version === 1) request(true);
    }
  };
  // A container that ended takes its cgroup along: its files are gone.
  const ended = (error: unknown): Error => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('The container has ended.') : (error as Error));
  const requestFreeze = (): Promise<void> => {
    if (released) throw new Error('The container is being removed.');
    try {
      request(true);
    } catch (error) {
      throw ended(error);
    }
    return settle(true, generation).catch((error: unknown) => {
      throw ended(error);
    });
  };
  const thaw = async () => {
    const own = ++generation;
    try {
      request(false);
      await settle(false, own);
    } catch (error) {
      throw ended(error);
    }
  };
  return {
    location,
    requestFreeze,
    async freeze() {
      await requestFreeze();
    },
    thaw,
    frozen() {
      try {
        return version === 1 ? read('freezer.state').trim() !== 'THAWED' : read('cgroup.freeze').trim() === '1';
      } catch {
        return false; // gone
      }
    },
    async release() {
      released = true;
      generation++;
      if (!this.frozen()) return;
      this.killAll();
      try {
        await thaw();
      } catch {
        // gone already
      }
    },
    killAll() {
      try {
        // v2's cgroup.kill takes every process, those of nested cgroups too (Linux 5.14+).
        if (version === 2) return write('cgroup.kill', '1');
      } catch {
        // an older kernel: signal them one by one
      }
      let pids: number[];
      try {
        pids = read('cgroup.procs').split('\n').filter(Boolean).map(Number);
      } catch {
        return; // gone
      }
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // ended meanwhile
        }
      }
    },
  };
}

/**
 * The freezer of a container whose first process is `pid`, when this host can drive it: Linux,
 * the engine's processes in this host's /proc (not a VM's or a remote machine's), and its files
 * writable by this user. `containerId` guards against a pid of another machine that happens to
 * exist here: the engine names the container's cgroup after its id.
 */
export function openCgroupFreezer(pid: number, containerId: string): CgroupFreezer | FreezerUnavailable {
  if (process.platform !== 'linux') return { reason: `${process.platform} runs containers in a VM` };
  if (!(pid > 0)) return { reason: 'the engine gave no process id' };
  let procCgroup: string;
  let mountInfo: string;
  try {
    procCgroup = readFileSync(`/proc/${pid}/cgroup`, 'utf8');
    mountInfo = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch (error) {
    return { reason: `its process is not visible here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const location = locateFreezer(procCgroup, mountInfo);
  if ('reason' in location) return location;
  if (!location.dir.includes(containerId)) return { reason: `process ${pid} here is not the container's (its cgroup is ${location.dir})` };
  const freezer = cgroupFreezer(location);
  try {
    // Asking for the state it is in changes nothing and proves the file can be written.
    const file = join(location.dir, location.version === 1 ? 'freezer.state' : 'cgroup.freeze');
    const state = readFileSync(file, 'utf8').trim();
    writeFileSync(file, location.version === 1 ? (state === 'THAWED' ? 'THAWED' : 'FROZEN') : state);
  } catch (error) {
    return { reason: `its freezer at ${location.dir} is not writable here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  return freezer;
}
