/** How a stream of changes per key is thinned before it is sent on. */
export interface ChangeCoalescerOptions<T> {
  /** The shortest time between two changes sent for one key, in ms. */
  windowMs: number;
  /** Which thing the change is about (an execution's ARN). */
  keyOf(change: T): string;
  /** A final change (an execution closed) is sent at once, with nothing held back after it. */
  isFinal(change: T): boolean;
  send(change: T): void;
}

/** Thins changes per key; `close` sends what is held and stops the timers. */
export interface ChangeCoalescer<T> {
  push(change: T): void;
  /** Sends every change still held back, now. */
  flush(): void;
  close(): void;
}

interface Held<T> {
  timer: NodeJS.Timeout;
  /** The latest change that came inside the window, sent when the window ends. */
  latest: T | undefined;
}

/**
 * A busy execution checkpoints many times a second, and a thousand of them at once would send
 * the renderer thousands of events a second, each redrawing the list. Per key, the first change
 * goes out at once; the ones that follow inside the window are held and only the latest of them
 * is sent when it ends (a steady stream yields one change per window). A final change is sent at
 * once and replaces anything held, so the end of an execution is never late nor lost.
 */
export function createChangeCoalescer<T>(options: ChangeCoalescerOptions<T>): ChangeCoalescer<T> {
  const held = new Map<string, Held<T>>();

  const open = (key: string): void => {
    const timer = setTimeout(() => {
      const entry = held.get(key);
      held.delete(key);
      if (entry?.latest === undefined) return;
      options.send(entry.latest);
      open(key);
    }, options.windowMs);
    timer.unref();
    held.set(key, { timer, latest: undefined });
  };

  const drop = (key: string): void => {
    const entry = held.get(key);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    held.delete(key);
  };

  const flush = (): void => {
    const pending = [...held.values()].flatMap((entry) => (entry.latest === undefined ? [] : [entry.latest]));
    for (const key of [...held.keys()]) drop(key);
    for (const change of pending) options.send(change);
  };

  return {
    push(change) {
      const key = options.keyOf(change);
      if (options.isFinal(change)) {
        drop(key);
        options.send(change);
        return;
      }
      const entry = held.get(key);
      if (entry !== undefined) {
        entry.latest = change;
        return;
      }
      options.send(change);
      open(key);
    },
    flush,
    close: flush,
  };
}
