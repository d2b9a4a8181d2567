import type Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { type ContainerFreezeMode, removeContainer, startContainer, LABELS } from './docker-container.ts';
import { connectDockerEngine, type DockerEngine, type DockerEngineOptions } from './docker-engine.ts';
import type { BuildBaseImageResult, DockerProgress, LocalBaseKind, PullImageResult } from '../../../shared/contract/docker.ts';
import { type BaseImageSources, buildLocalBaseImage, DEFAULT_LOCAL_IMAGES, IMAGE_PATHS, type ImageChoice, LOCAL_NODE_IMAGE, localBaseEntrypoint, localBaseKind, type LocalImages } from './docker-images.ts';
import { createImageProvisioner } from './docker-provision.ts';
import { pullImage } from './docker-pull.ts';
import type { NodeBootstrap } from './launchers.ts';
import { OUTPUT_MARK_ENV } from './output-marks.ts';
import { startSandbox } from './process-sandbox.ts';
import { type SandboxHostInfo, sandboxEnvironment } from './sandbox-env.ts';
import type { Sandbox, SandboxFunction, SandboxLogLine } from './sandbox-types.ts';

/** Options of {@link createDockerRunner}. */
export interface DockerRunnerOptions extends DockerEngineOptions, BaseImageSources {
  /** The studio's node_modules: mounted read-only as the SDKs a Lambda runtime provides. */
  nodeModulesDir: string;
  nodeBootstrap?: NodeBootstrap;
  /**
   * More host folders to mount read-write, as Docker's `host:container` pairs. A bind onto
   * `/tmp` replaces the container's own empty /tmp.
   */
  binds?: string[];
  log?: (message: string) => void;
  /** The local base image's tag (default {@link LOCAL_NODE_IMAGE}); tests use another so they leave the real one alone. */
  localImage?: string;
  /** The local Python base image's tag (default {@link DEFAULT_LOCAL_IMAGES}.python). */
  localPythonImage?: string;
  /** How containers are frozen between invocations (default `auto`: their cgroup freezer where this host can write it, else the engine's pause). */
  freezeMode?: ContainerFreezeMode;
}

/** Starts sandboxes in containers and owns every container it started. */
export interface DockerRunner {
  engine: DockerEngine;
  /** This studio's id, on every container it starts (`lambda-studio.instance`). */
  instanceId: string;
  /** The studio's bootstrap files the local base images are built from (an image built from others is out of date). */
  bootstrapDir: string;
  startSandbox(version: SandboxFunction, host: Omit<SandboxHostInfo, 'nodeModulesDir' | 'runtimeDir' | 'path'>, onLog: (line: SandboxLogLine) => void): Promise<Sandbox>;
  /** Builds a local base image (Node.js by default) from the studio's own binaries and bootstrap. */
  buildBaseImage(kind?: LocalBaseKind): Promise<BuildBaseImageResult>;
  /** Pulls an image (needs its registry). */
  pullImage(image: string): Promise<PullImageResult>;
  /** Cancels a pull in progress; false when none of that image runs. */
  cancelPull(image: string): boolean;
  /** Every progress line of pulls and builds. Returns the unsubscribe function. */
  onProgress(listener: (progress: DockerProgress) => void): () => void;
  /** Removes containers a studio left behind when it crashed (its process is gone); returns how many. */
  cleanupLeftovers(): Promise<number>;
  /** Removes every container this runner started, and waits until the engine has. */
  close(): Promise<void>;
}

/** Lambda gives a function one full vCPU at 1,769 MB and CPU in proportion to memory. */
const MB_PER_VCPU = 1769;

/** Whether a process of this host still runs. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * On Linux containers share the host's network, so the loopback addresses the studio listens
 * on work as they are. Docker Desktop (macOS, Windows) runs containers in a VM: there the host
 * is `host.docker.internal`, which the engine forwards to the host's loopback.
 */
const hostNetwork = process.platform === 'linux';
const fromContainer = (address: string) => (hostNetwork ? address : address.replace(/127\.0\.0\.1|localhost/, 'host.docker.internal'));

/**
 * Creates the docker runner. Nothing touches the engine until the first container is needed;
 * a function whose runner is docker then gets a clear error when the engine is missing.
 */
export function createDockerRunner(options: DockerRunnerOptions): DockerRunner {
  const engine = connectDockerEngine(options.socketPath === undefined ? {} : { socketPath: options.socketPath });
  const instanceId = randomUUID();
  const removals = new Set<Promise<void>>();
  const track = (removal: Promise<void>) => {
    removals.add(removal);
    void removal.finally(() => removals.delete(removal));
  };
  let closed = false;
  let used = false;
  const progressListeners = new Set<(progress: DockerProgress) => void>();
  const emitProgress = (progress: DockerProgress) => {
    for (const listener of progressListeners) {
      try {
        listener(progress);
      } catch (error) {
        options.log?.(`A progress listener failed: ${(error as Error).message}`);
      }
    }
  };

  const spec = (version: SandboxFunction, image: ImageChoice, runtimeApi: string, outputMark: string, host: Omit<SandboxHostInfo, 'nodeModulesDir' | 'runtimeDir' | 'path'>): Docker.ContainerCreateOptions => {
    const env = sandboxEnvironment(version, {
      ...host,
      runtimeApi: fromContainer(runtimeApi),
      lambdaEndpoint: fromContainer(host.lambdaEndpoint),
      runtimeDir: IMAGE_PATHS.runtimeDir,
      nodeModulesDir: IMAGE_PATHS.providedModules,
      path: '/usr/local/bin:/usr/bin:/bin',
    });
    env['LAMBDA_TASK_ROOT'] = IMAGE_PATHS.taskRoot;
    env[OUTPUT_MARK_ENV] = outputMark;
    const binds = [`${version.codeDir}:${IMAGE_PATHS.taskRoot}:ro`, ...(options.binds ?? [])];
    const ownTmp = !binds.some((bind) => bind.split(':')[1] === '/tmp');
    let entrypoint: string[] | undefined;
    let cmd: string[];
    if (image.layout === 'local-base') {
      if (localBaseKind(version.runtime) === 'nodejs') binds.push(`${options.nodeModulesDir}:${IMAGE_PATHS.providedModules}:ro`);
      entrypoint = localBaseEntrypoint(version.runtime, version.memorySize, options.nodeBootstrap);
      cmd = [];
    } else {
      // An official (or the function's own) image brings its runtime, SDKs and PATH: keep them.
      for (const key of ['PATH', 'NODE_PATH', 'LAMBDA_RUNTIME_DIR']) delete env[key];
      cmd = [version.handler];
    }
    const cores = cpus().length;
    const share = version.memorySize / MB_PER_VCPU;
    return {
      name: `lambda-studio-${version.functionName}-${randomUUID().slice(0, 8)}`,
      Image: image.name,
      ...(entrypoint === undefined ? {} : { Entrypoint: entrypoint }),
      Cmd: cmd,
      Env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
      WorkingDir: IMAGE_PATHS.taskRoot,
      Labels: {
        [LABELS.managed]: 'true',
        [LABELS.instance]: instanceId,
        [LABELS.ownerPid]: String(process.pid),
        [LABELS.functionName]: version.functionName,
      },
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: {
        Binds: binds,
        ...(hostNetwork ? { NetworkMode: 'host' } : { ExtraHosts: ['host.docker.internal:host-gateway'] }),
        Memory: version.memorySize * 1024 * 1024,
        MemorySwap: version.memorySize * 1024 * 1024,
        // Under contention CPU goes in proportion to memory, as in Lambda. The hard cap never
        // drops below one core: a local sandbox at 128 MB would otherwise get 7% of a core and
        // take seconds to start, which helps nobody debugging a function.
        CpuShares: Math.max(2, Math.round(1024 * share)),
        NanoCpus: Math.round(Math.min(cores, Math.max(1, share)) * 1e9),
        Init: true,
        ReadonlyRootfs: true,
        ...(ownTmp ? { Tmpfs: { '/tmp': 'rw,exec,size=512m' } } : {}),
      },
    };
  };

  const localImages: LocalImages = { nodejs: options.localImage ?? LOCAL_NODE_IMAGE, python: options.localPythonImage ?? DEFAULT_LOCAL_IMAGES.python };
  // One build of each image at a time: Settings and invokes that find no image share it.
  const building = new Map<LocalBaseKind, Promise<BuildBaseImageResult>>();
  const buildShared = (kind: LocalBaseKind, forInvoke: boolean) => {
    const image = localImages[kind];
    let pending = building.get(kind);
    if (pending === undefined) {
      pending = buildLocalBaseImage(engine, options, (line) => emitProgress({ operation: 'build', image, line, ...(forInvoke ? { forInvoke } : {}) }), image, kind).finally(() => building.delete(kind));
      building.set(kind, pending);
    }
    return pending;
  };
  const pulls = new Map<string, AbortController>();
  const pullTracked = async (image: string, forInvoke: boolean, signal?: AbortSignal, onEvent?: () => void) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    pulls.set(image, controller);
    try {
      return await pullImage(engine, image, (line, percent, stats) => {
        onEvent?.();
        emitProgress({ operation: 'pull', image, line, ...(percent === undefined ? {} : { percent }), ...stats, ...(forInvoke ? { forInvoke } : {}) });
      }, controller.signal);
    } finally {
      signal?.removeEventListener('abort', stop);
      if (pulls.get(image) === controller) pulls.delete(image);
    }
  };
  const provisioner = createImageProvisioner({
    engine,
    localImages,
    bootstrapDir: options.bootstrapDir,
    pull: (image, signal, onEvent) => pullTracked(image, true, signal, onEvent),
    build: (runtime) => buildShared(localBaseKind(runtime), true),
    ...(options.log === undefined ? {} : { log: options.log }),
  });

  return {
    engine,
    instanceId,
    bootstrapDir: options.bootstrapDir,
    async startSandbox(version, host, onLog) {
      if (closed) throw new Error('The docker runner is closed.');
      await engine.ensureRunning();
      used = true;
      const image = await provisioner.ensure(version.runtime, version.image);
      return startSandbox({
        version,
        onLog,
        launch: (runtimeApi, outputMark) => startContainer(engine.docker, spec(version, image, runtimeApi, outputMark, host), track, options.freezeMode),
      });
    },
    buildBaseImage(kind = 'nodejs') {
      return buildShared(kind, false);
    },
    pullImage(image) {
      return pullTracked(image, false);
    },
    cancelPull(image) {
      const controller = pulls.get(image);
      controller?.abort();
      return controller !== undefined;
    },
    onProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    async cleanupLeftovers() {
      const containers = await engine.docker.listContainers({ all: true, filters: { label: [`${LABELS.managed}=true`] } });
      const orphans = containers.filter((c) => {
        const owner = Number(c.Labels[LABELS.ownerPid] ?? 0);
        return c.Labels[LABELS.instance] !== instanceId && (!(owner > 0) || !processAlive(owner));
      });
      await Promise.all(orphans.map((c) => removeContainer(engine.docker.getContainer(c.Id))));
      if (orphans.length > 0) options.log?.(`Removed ${orphans.length} container(s) a previous run of the studio left behind.`);
      return orphans.length;
    },
    async close() {
      closed = true;
      await Promise.all([...removals]);
      if (!used) return;
      try {
        const mine = await engine.docker.listContainers({ all: true, filters: { label: [`${LABELS.instance}=${instanceId}`] } });
        await Promise.all(mine.map((c) => removeContainer(engine.docker.getContainer(c.Id))));
      } catch {
        // no engine: nothing of ours can be running on it
      }
    },
  };
}
