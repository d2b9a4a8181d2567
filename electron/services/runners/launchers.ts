import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { nodeSandboxArgs } from './node-args.ts';
import { runtimeClientDir, runtimeClientInstalled } from './runtime-client.ts';
import { type SandboxHostInfo, sandboxEnvironment } from './sandbox-env.ts';
import type { SandboxCommand, SandboxFunction } from './sandbox-types.ts';

/** Which program pulls invocations in a Node sandbox: the studio's bootstrap or the official `aws-lambda-ric`. */
export type NodeBootstrap = 'studio' | 'aws-lambda-ric';

/** Where the studio's own files are; defaults suit running from the source tree. */
export interface LauncherPaths {
  /** `resources/bootstrap` */
  bootstrapDir: string;
  /** The studio's node_modules: the SDKs sandboxes provide. */
  nodeModulesDir: string;
  /** A Node 22 binary. */
  nodeBinary: string;
  /** A Python 3 interpreter, or undefined when none was found. */
  pythonBinary: string | undefined;
}

const projectRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The interpreter behind `python3` on PATH, resolved once (pyenv shims and the like need the studio's own environment). */
export function findPython(): string | undefined {
  try {
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', timeout: 10_000 }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Paths for running from the source tree (or the packaged app laid out the same way). */
export function defaultLauncherPaths(): LauncherPaths {
  return {
    bootstrapDir: join(projectRoot, 'resources', 'bootstrap'),
    nodeModulesDir: join(projectRoot, 'node_modules'),
    // Inside Electron, process.execPath is the app; the npm-provided Node is the sandbox runtime then.
    nodeBinary: process.versions['electron'] === undefined ? process.execPath : join(projectRoot, 'node_modules', '.bin', 'node'),
    pythonBinary: findPython(),
  };
}

/** Builds the command that starts one sandbox of `version`. */
export function sandboxCommand(
  version: SandboxFunction,
  host: Omit<SandboxHostInfo, 'runtimeDir' | 'nodeModulesDir' | 'path'>,
  paths: LauncherPaths,
  nodeBootstrap: NodeBootstrap,
): SandboxCommand {
  const isPython = version.runtime.startsWith('python');
  const runtimeDir = join(paths.bootstrapDir, isPython ? 'python' : 'node');
  const env = sandboxEnvironment(version, { ...host, runtimeDir, nodeModulesDir: paths.nodeModulesDir, path: process.env['PATH'] ?? '/usr/bin:/bin' });
  if (isPython) {
    if (paths.pythonBinary === undefined) {
      throw new Error('No Python 3 interpreter was found on PATH, so Python functions cannot run. Install python3 and restart the studio.');
    }
    env['PYTHONUNBUFFERED'] = '1';
    env['PYTHONDONTWRITEBYTECODE'] = '1';
    return { command: paths.pythonBinary, args: ['-u', join(runtimeDir, 'bootstrap.py')], env, cwd: version.codeDir };
  }
  if (process.versions['electron'] !== undefined && paths.nodeBinary === process.execPath) env['ELECTRON_RUN_AS_NODE'] = '1';
  if (nodeBootstrap === 'aws-lambda-ric' && !runtimeClientInstalled()) {
    throw new Error(`aws-lambda-ric is not installed (it is not an npm dependency of the studio): \`node scripts/runtime-client.ts\` installs it into ${runtimeClientDir()}.`);
  }
  const program = nodeBootstrap === 'aws-lambda-ric' ? join(runtimeClientDir(), 'index.mjs') : join(runtimeDir, 'bootstrap.mjs');
  // A process sandbox watches for the studio's end (a container ends with its Runtime API instead).
  const exitWithStudio = ['--import', join(runtimeDir, 'exit-with-studio.mjs')];
  return { command: paths.nodeBinary, args: [...exitWithStudio, ...nodeSandboxArgs(version.memorySize, runtimeDir, program)], env, cwd: version.codeDir };
}
