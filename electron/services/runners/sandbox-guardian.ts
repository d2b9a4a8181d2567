import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * Kills every registered process group once this process is gone, however it ends. A running
 * sandbox notices that the studio has died and ends itself (exit-with-studio.mjs); a frozen one
 * cannot, so a small shell, started once, holds the other end of a pipe: when the pipe closes
 * it kills the groups still registered. It lives in a session of its own and ignores the
 * terminal's signals, so whatever kills the studio's process group does not take it along.
 */
const SCRIPT = `trap '' INT HUP TERM QUIT
groups=" "
while IFS= read -r line; do
  case "$line" in
    -*) kept=" "; for g in $groups; do [ "$g" = "\${line#-}" ] || kept="$kept$g "; done; groups=$kept ;;
    *) groups="$groups$line " ;;
  esac
done
for g in $groups; do kill -9 -$g 2>/dev/null; done`;

let guardian: ChildProcess | undefined;

function send(line: string): void {
  if (process.platform === 'win32') return;
  if (guardian === undefined || guardian.exitCode !== null || guardian.signalCode !== null) {
    guardian = spawn('/bin/sh', ['-c', SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    guardian.on('error', () => undefined); // no shell: sandboxes are then only ended by the studio
    guardian.stdin?.on('error', () => undefined);
    // Neither the shell nor its pipe keeps the studio's event loop alive.
    guardian.unref();
    (guardian.stdin as Socket | null)?.unref();
  }
  guardian.stdin?.write(`${line}\n`);
}

/** Registers a sandbox's process group, to be killed should this process end first. */
export function guardProcessGroup(pgid: number): void {
  send(String(pgid));
}

/** Forgets a group that has ended (its id may be reused). */
export function releaseProcessGroup(pgid: number): void {
  send(`-${pgid}`);
}
