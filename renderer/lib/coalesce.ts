/**
 * Runs `task` at most once per `intervalMs` however often it is asked for, never two at a time,
 * and always once more after the last ask, so the final state is never missed. Unlike a
 * debounce, a steady stream of asks (a fast execution's events) still gets regular runs.
 */
export function coalesce(task: () => Promise<void> | void, intervalMs: number): { request(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let wanted = false;
  let lastStart = -Infinity;

  const run = async () => {
    timer = undefined;
    running = true;
    wanted = false;
    lastStart = Date.now();
    try {
      await task();
    } catch {
      // The task reports its own failures; a failed run must not stop later ones.
    } finally {
      running = false;
      if (wanted) schedule();
    }
  };
  const schedule = () => {
    if (timer !== undefined || running) return;
    timer = setTimeout(() => void run(), Math.max(0, lastStart + intervalMs - Date.now()));
  };
  return {
    request() {
      wanted = true;
      schedule();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      wanted = false;
    },
  };
}
