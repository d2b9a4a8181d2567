import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * The official Node.js runtime interface client the local base image carries. Pinned: the image
 * is built once per machine and should not change under a user because npm saw a newer one.
 */
export const RUNTIME_CLIENT_VERSION = '4.0.2';
const PACKAGE = 'aws-lambda-ric';

/**
 * The studio's per-machine data folder (downloads and builds worth keeping, not settings):
 * `LAMBDA_STUDIO_DATA_DIR` when set, else `$XDG_DATA_HOME/lambda-studio`, else
 * `~/.local/share/lambda-studio`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['LAMBDA_STUDIO_DATA_DIR'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = env['XDG_DATA_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.local', 'share'), 'lambda-studio');
}

/** The folder of the installed package (`…/node_modules/aws-lambda-ric`) under a data folder. */
export function runtimeClientDir(dataDir: string = defaultDataDir()): string {
  return join(dataDir, `${PACKAGE}-${RUNTIME_CLIENT_VERSION}`, 'node_modules', PACKAGE);
}

/** Whether the client is installed there with its native part built. */
export function runtimeClientInstalled(dataDir: string = defaultDataDir()): boolean {
  return existsSync(join(runtimeClientDir(dataDir), 'rapid-client.node'));
}

/**
 * npm as the studio was started with it (`npm start` and `npm run` set `npm_execpath`), run by
 * the studio's own Node.js; else the `npm` on PATH.
 */
function npmCommand(env: NodeJS.ProcessEnv): { command: string; prefix: string[] } {
  const execPath = env['npm_execpath'];
  if (execPath !== undefined && /npm-cli\.c?js$/.test(execPath) && existsSync(execPath) && process.versions['electron'] === undefined) {
    return { command: process.execPath, prefix: [execPath] };
  }
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

const pending = new Map<string, Promise<string>>();

/**
 * Installs aws-lambda-ric into the data folder unless it is there, and returns its package
 * folder. Its install scripts configure and compile curl and aws-lambda-cpp (a minute or
 * more), which is why the studio's own `npm install` does not carry it: only the docker
 * runner's local Node.js base image needs it. npm's output is passed to `onProgress` line by
 * line. The install goes to a folder of its own and is renamed into place once complete, so an
 * interrupted one leaves nothing that looks installed. Calls at the same time share one install.
 */
export function ensureRuntimeClient(dataDir: string = defaultDataDir(), onProgress: (line: string) => void = () => {}, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = runtimeClientDir(dataDir);
  if (existsSync(join(dir, 'rapid-client.node'))) return Promise.resolve(dir);
  let install = pending.get(dir);
  if (install === undefined) {
    install = installRuntimeClient(dataDir, onProgress, env).finally(() => pending.delete(dir));
    pending.set(dir, install);
  }
  return install;
}

async function installRuntimeClient(dataDir: string, onProgress: (line: string) => void, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = runtimeClientDir(dataDir);
  const home = dirname(dirname(dir));
  const partial = `${home}.partial-${process.pid}-${Date.now()}`;
  await mkdir(partial, { recursive: true });
  try {
    const manifest = {
      name: `lambda-studio-${basename(home)}`,
      private: true,
      description: 'The runtime interface client of the Lambda Studio local base image, installed on its first build.',
      dependencies: { [PACKAGE]: RUNTIME_CLIENT_VERSION },
      allowScripts: { [PACKAGE]: true },
    };
    await writeFile(join(partial, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    onProgress(`Installing ${PACKAGE}@${RUNTIME_CLIENT_VERSION} (its native client is compiled once per machine; this takes a minute or more)`);
    const npm = npmCommand(env);
    const args = [...npm.prefix, 'install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', '--loglevel=warn'];
    await run(npm.command, args, partial, env, onProgress);
    if (!existsSync(join(partial, 'node_modules', PACKAGE, 'rapid-client.node'))) {
      throw new Error(`npm installed ${PACKAGE} but its native client (rapid-client.node) was not built; see the lines above.`);
    }
    try {
      await rename(partial, home);
    } catch (error) {
      // Another studio finished the same install first: use that one.
      if (!existsSync(join(dir, 'rapid-client.node'))) throw error;
    }
    onProgress(`Installed ${PACKAGE}@${RUNTIME_CLIENT_VERSION} in ${home}`);
    return dir;
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

/** Runs a command, passing each output line on; rejects with the last lines when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const take = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split(/\r?\n/)) {
        const text = line.trim();
        if (text === '') continue;
        tail.push(text);
        if (tail.length > 15) tail.shift();
        onLine(text);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`npm is needed to install ${PACKAGE} for the local base image, and ${command} was not found. Install Node.js with npm, or pull the official image instead.`) : error);
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Installing ${PACKAGE}@${RUNTIME_CLIENT_VERSION} failed (npm exited with ${code ?? signal}). It compiles a native client, which needs make, cmake and a C++ compiler. Last lines:\n${tail.join('\n')}`));
    });
  });
}
