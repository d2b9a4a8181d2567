import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import type { StudioCredentials } from '../services/lambda/credentials.ts';
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

/** `KEY:SECRET` as `--credentials` takes it; the secret may not be empty. */
export function parseCredentials(value: string): StudioCredentials {
  const at = value.indexOf(':');
  const accessKeyId = at < 0 ? '' : value.slice(0, at);
  const secretAccessKey = at < 0 ? '' : value.slice(at + 1);
  if (!/^[A-Za-z0-9]{4,128}$/.test(accessKeyId) || secretAccessKey.length === 0) {
    throw new InvalidArgumentError('credentials are ACCESS_KEY_ID:SECRET_ACCESS_KEY, the key id made of letters and digits, e.g. AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG');
  }
  return { accessKeyId, secretAccessKey };
}
