import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { defaultWorkspaceDir } from '../services/workspace/layout.ts';

/** Everything but a command's result goes to stderr, so stdout stays machine-readable. */
export function log(message: string, error?: unknown): void {
  const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}${detail}\n`);
}

/** The workspace a command works on; a relative one is taken from where the user typed the command. */
export function workspaceFrom(option: string | undefined): string {
  // npm runs scripts from the project root; INIT_CWD is the folder the command was typed in.
  return resolve(process.env.INIT_CWD ?? process.cwd(), option ?? defaultWorkspaceDir());
}

export const WORKSPACE_HELP = `workspace folder, created if missing (default: ${defaultWorkspaceDir()})`;

/** A port option: a whole number from 0 to 65535, where 0 picks a free port. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one).');
  }
  return port;
}
