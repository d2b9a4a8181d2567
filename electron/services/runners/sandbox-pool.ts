import type { AnswerListener, InvocationResult, Sandbox, SandboxFunction, SandboxInvocation } from './sandbox-types.ts';

/** How the pool starts sandboxes and how many it keeps. */
export interface SandboxPoolOptions {
  /** Starts a fresh sandbox for a version. */
  start(version: SandboxFunction): Promise<Sandbox>;
  /** Sandboxes per function version at once; further invocations queue. */
  maxPerFunction: number;
  /** A warm sandbox unused this long is stopped. */
  idleMs: number;
}

interface Slot {
  sandbox: Sandbox;
  busy: boolean;
  /** Busy, but its runtime has answered: it is only writing END and REPORT and is free in a moment. */
  finishing: boolean;
  idleSince: number;
  /** Set when the function changed while this sandbox was busy: stop it when it is done. */
  stale: boolean;
}

interface Group {
  functionName: string;
  slots: Slot[];
  /** Sandboxes being started, counted against the limit. */
  starting: number;
  queue: Array<() => void>;
}

/** Warm sandboxes per function version: reused, grown on concurrency up to a limit, reaped when idle. */
export interface SandboxPool {
  run(version: SandboxFunction, invocation: SandboxInvocation, onAnswer?: AnswerListener): Promise<InvocationResult>;
  /** Stops a function's idle sandboxes now and its busy ones when they finish (code or settings changed). */
  retire(functionName: string): void;
  /** Number of live sandboxes, per function name. */
  stats(): Record<string, number>;
  close(): void;
}

const keyOf = (v: SandboxFunction) => `${v.functionName}@${v.version}#${v.revisionId}`;

/** Creates the pool of warm sandboxes. */
export function createSandboxPool(options: SandboxPoolOptions): SandboxPool {
  const groups = new Map<string, Group>();

  const groupOf = (version: SandboxFunction): Group => {
    const key = keyOf(version);
    let group = groups.get(key);
    if (group === undefined) {
      group = { functionName: version.functionName, slots: [], starting: 0, queue: [] };
      groups.set(key, group);
    }
    return group;
  };

  const acquire = async (version: SandboxFunction, group: Group): Promise<Slot> => {
    for (;;) {
      group.slots = group.slots.filter((slot) => slot.sandbox.alive);
      const idle = group.slots.find((slot) => !slot.busy && !slot.stale);
      if (idle !== undefined) {
        idle.busy = true;
        return idle;
      }
      // A caller that was just answered may already send its next invocation: waiting the moment
      // until that sandbox is free beats starting a cold one. One waiter per such sandbox; more
      // invocations at once still get sandboxes of their own.
      const finishing = group.slots.filter((slot) => slot.busy && slot.finishing && !slot.stale).length;
      if (group.queue.length >= finishing && group.slots.length + group.starting < options.maxPerFunction) {
        group.starting += 1;
        try {
          const slot: Slot = { sandbox: await options.start(version), busy: true, finishing: false, idleSince: 0, stale: false };
          group.slots.push(slot);
          return slot;
        } finally {
          group.starting -= 1;
        }
      }
      await new Promise<void>((resolve) => group.queue.push(resolve));
    }
  };

  const release = (group: Group, slot: Slot): void => {
    slot.busy = false;
    slot.finishing = false;
    slot.idleSince = Date.now();
    if (slot.stale) slot.sandbox.kill();
    group.queue.shift()?.();
  };

  const reaper = setInterval(() => {
    const now = Date.now();
    for (const [key, group] of groups) {
      for (const slot of group.slots) {
        if (!slot.busy && now - slot.idleSince > options.idleMs) slot.sandbox.kill();
      }
      group.slots = group.slots.filter((slot) => slot.sandbox.alive);
      if (group.slots.length === 0 && group.starting === 0 && group.queue.length === 0) groups.delete(key);
    }
  }, Math.max(250, Math.min(options.idleMs / 2, 30_000)));
  reaper.unref();

  return {
    async run(version, invocation, onAnswer) {
      const group = groupOf(version);
      const slot = await acquire(version, group);
      const answered: AnswerListener | undefined =
        onAnswer === undefined
          ? undefined
          : (answer) => {
              slot.finishing = true;
              onAnswer(answer);
            };
      try {
        return await slot.sandbox.invoke(invocation, answered);
      } finally {
        release(group, slot);
      }
    },
    retire(functionName) {
      for (const group of groups.values()) {
        if (group.functionName !== functionName) continue;
        for (const slot of group.slots) {
          slot.stale = true;
          if (!slot.busy) slot.sandbox.kill();
        }
      }
    },
    stats() {
      const out: Record<string, number> = {};
      for (const group of groups.values()) {
        const live = group.slots.filter((slot) => slot.sandbox.alive).length;
        if (live > 0) out[group.functionName] = (out[group.functionName] ?? 0) + live;
      }
      return out;
    },
    close() {
      clearInterval(reaper);
      for (const group of groups.values()) for (const slot of group.slots) slot.sandbox.kill();
      groups.clear();
    },
  };
}
