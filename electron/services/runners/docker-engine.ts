import type Docker from 'dockerode';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import type { DockerStatus } from '../../../shared/contract/docker.ts';
import { SandboxNotReadyError } from './sandbox-errors.ts';

/** Where the Docker engine answers. */
export interface DockerEngineOptions {
  /**
   * The engine's socket (a Unix socket path, or a Windows named pipe). Defaults to the one
   * `DOCKER_HOST` names, else the platform's usual one.
   */
  socketPath?: string;
}

/** The engine a runner talks to, with what it takes to describe it to a person. */
export interface DockerEngine {
  docker: Docker;
  /** What the engine answers at, for messages (`/var/run/docker.sock`, `tcp://...`). */
  socket: string;
  /** Asks the engine now; never throws. */
  status(): Promise<DockerStatus>;
  /** Throws {@link DockerUnavailableError} unless the engine answers. */
  ensureRunning(): Promise<void>;
}

/** The docker runner was chosen but no engine answers: says why and how to fix it. */
export class DockerUnavailableError extends SandboxNotReadyError {
  readonly engine: DockerStatus;

  constructor(status: DockerStatus) {
    super(`${status.message} ${status.fix ?? ''}`.trim());
    this.name = 'DockerUnavailableError';
    this.engine = status;
  }
}

const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
const WINDOWS_PIPE = '//./pipe/docker_engine';
const STATUS_TIMEOUT_MS = 3000;

function defaultSocket(): string {
  const fromEnv = process.env['DOCKER_HOST'];
  if (fromEnv !== undefined && fromEnv.startsWith('unix://')) return fromEnv.slice('unix://'.length);
  if (fromEnv !== undefined && fromEnv.startsWith('npipe://')) return fromEnv.slice('npipe://'.length);
  return process.platform === 'win32' ? WINDOWS_PIPE : DEFAULT_UNIX_SOCKET;
}

/** True when a Docker program is on PATH (the engine may still be stopped). */
function dockerInstalled(): boolean {
  const names = process.platform === 'win32' ? ['docker.exe', 'dockerd.exe'] : ['docker', 'dockerd'];
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => names.some((name) => existsSync(join(dir, name))));
}

function startHint(): string {
  if (process.platform === 'linux') {
    return 'Start it with `sudo systemctl start docker` (or run `dockerd`), and make sure your user may use the socket (the `docker` group).';
  }
  return 'Start Docker Desktop and wait until it says the engine is running.';
}

function installHint(): string {
  if (process.platform === 'linux') return 'Install it with your package manager (Debian/Ubuntu: `sudo apt-get install docker.io`), then start it.';
  return 'Install Docker Desktop from docker.com, start it, then try again.';
}

/**
 * Connects to the Docker engine lazily: nothing is asked until a status or a container is
 * needed, so a studio without Docker pays nothing for the runner it does not use.
 */
export function connectDockerEngine(options: DockerEngineOptions = {}): DockerEngine {
  const socketPath = options.socketPath ?? defaultSocket();
  // dockerode (with ssh2 and its crypto) is loaded on first use: a studio, or a CI job's headless
  // backend, that runs no docker function starts without it.
  let client: Docker | undefined;
  const dockerClient = (): Docker => {
    if (client === undefined) {
      const DockerClass = createRequire(import.meta.url)('dockerode') as typeof Docker;
      client = new DockerClass({ socketPath });
    }
    return client;
  };
  const engine: DockerEngine = {
    get docker() {
      return dockerClient();
    },
    socket: socketPath,
    async status() {
      try {
        const version = await Promise.race([
          dockerClient().version(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${STATUS_TIMEOUT_MS} ms`)), STATUS_TIMEOUT_MS).unref()),
        ]);
        return {
          state: 'running',
          socket: socketPath,
          version: version.Version,
          apiVersion: version.ApiVersion,
          os: `${version.Os}/${version.Arch}`,
          message: `Docker ${version.Version} is running at ${socketPath}.`,
        };
      } catch (error) {
        const reason = (error as Error).message;
        if (!existsSync(socketPath) && !dockerInstalled()) {
          return { state: 'not-installed', socket: socketPath, message: `Docker is not installed: no engine answers at ${socketPath}.`, fix: installHint(), reason };
        }
        return { state: 'not-running', socket: socketPath, message: `The Docker engine is not running: nothing answers at ${socketPath} (${reason}).`, fix: startHint(), reason };
      }
    },
    async ensureRunning() {
      const status = await engine.status();
      if (status.state !== 'running') throw new DockerUnavailableError(status);
    },
  };
  return engine;
}
