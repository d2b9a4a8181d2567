// Loaded with --import in process sandboxes: a sandbox ends with the studio that started it.
// Sandboxes live in process groups of their own, so when the studio is killed (SIGKILL, a
// crash) nothing stops them, and a handler cut off in the middle of a durable step would go on
// with its side effects while the restarted studio runs the same step again. The sandbox looks
// at its parent every 100 ms and ends its whole group once the studio is gone.
import { readFileSync } from 'node:fs';

const WATCH_MS = 100;

// process.ppid is read once at start-up; Linux tells the current parent in /proc (a dead
// parent's pid may be reused, its child's reparenting is certain). Elsewhere, ask whether the pid lives.
function parentPid() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function pidLives(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

const studio = process.ppid;
const studioGone = process.platform === 'linux' ? () => parentPid() !== studio : () => !pidLives(studio);

if (studio > 1) {
  setInterval(() => {
    if (!studioGone()) return;
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.kill(process.pid, 'SIGKILL');
    }
  }, WATCH_MS).unref();
}
