import { resolve } from 'node:path';

/** What the desktop app takes on its command line. */
export interface MainArgs {
  /** Absolute workspace folder, when `--workspace DIR` or `--workspace=DIR` was given. */
  workspace?: string;
}

/**
 * Reads the app's own options out of `argv`, ignoring everything else (Chromium's switches,
 * the app path in development). Relative folders resolve against `cwd`.
 */
export function parseMainArgs(argv: readonly string[], cwd: string): MainArgs {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--workspace' && argv[i + 1] !== undefined) return { workspace: resolve(cwd, argv[i + 1] ?? '') };
    if (arg.startsWith('--workspace=')) return { workspace: resolve(cwd, arg.slice('--workspace='.length)) };
  }
  return {};
}
