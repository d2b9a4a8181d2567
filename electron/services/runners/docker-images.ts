import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildBaseImageResult, DockerImageInfo, LocalBaseKind } from '../../../shared/contract/docker.ts';
import type { Runtime } from '../../../shared/workspace/function-config.ts';
import type { DockerEngine } from './docker-engine.ts';
import { SandboxNotReadyError } from './sandbox-errors.ts';
import { LOCAL_BASE_RECIPE_LABEL, localBaseRecipeHash } from './base-image-recipe.ts';
import { IMAGE_PYTHON, pickPython, stagePythonRootfs } from './docker-python-rootfs.ts';
import type { NodeBootstrap } from './launchers.ts';
import { nodeSandboxArgs } from './node-args.ts';
import { defaultDataDir, ensureRuntimeClient } from './runtime-client.ts';
import { copySharedLibraries, sharedLibraries } from './shared-libraries.ts';

/** The local base image for Node.js: Node.js, aws-lambda-ric and the studio's bootstrap, built without a registry. */
export const LOCAL_NODE_IMAGE = 'lambda-studio/nodejs:22-local';
/** The local base image for Python: the host's Python 3 and the studio's Python bootstrap, built without a registry. */
export const LOCAL_PYTHON_IMAGE = 'lambda-studio/python:3-local';

/** The tag of each local base image (tests use tags of their own so they leave the real ones alone). */
export type LocalImages = Record<LocalBaseKind, string>;
export const DEFAULT_LOCAL_IMAGES: LocalImages = { nodejs: LOCAL_NODE_IMAGE, python: LOCAL_PYTHON_IMAGE };

/** Which local base image a runtime runs in. */
export function localBaseKind(runtime: Runtime): LocalBaseKind {
  return runtime.startsWith('python') ? 'python' : 'nodejs';
}
/** Label the local base image carries, so the runner knows its layout. */
export const LOCAL_BASE_LABEL = 'lambda-studio.base';

/** Where things are inside the local base image (and where the runner mounts the function and the provided packages). */
export const IMAGE_PATHS = {
  node: '/usr/bin/node',
  runtimeDir: '/var/runtime',
  taskRoot: '/var/task',
  /** The SDKs a Lambda runtime provides, mounted read-only like a layer. */
  providedModules: '/opt/lambda-studio/node_modules',
  python: IMAGE_PYTHON,
} as const;

/** The command a container of a local base image starts with: the runtime's interpreter and the studio's bootstrap (or aws-lambda-ric). */
export function localBaseEntrypoint(runtime: Runtime, memorySize: number, nodeBootstrap: NodeBootstrap = 'studio'): string[] {
  if (localBaseKind(runtime) === 'python') return [IMAGE_PATHS.python, '-u', `${IMAGE_PATHS.runtimeDir}/bootstrap.py`];
  const program = nodeBootstrap === 'aws-lambda-ric' ? `${IMAGE_PATHS.runtimeDir}/node_modules/aws-lambda-ric/index.mjs` : `${IMAGE_PATHS.runtimeDir}/bootstrap.mjs`;
  return [IMAGE_PATHS.node, ...nodeSandboxArgs(memorySize, IMAGE_PATHS.runtimeDir, program)];
}

/** The official Lambda base image of a runtime (`nodejs22.x` -> `public.ecr.aws/lambda/nodejs:22`). */
export function officialImage(runtime: Runtime): string {
  const match = /^(nodejs|python)(\d+(?:\.\d+)?)/.exec(runtime);
  if (match === null) throw new Error(`No official image is known for ${runtime}.`);
  return `public.ecr.aws/lambda/${match[1] ?? ''}:${match[2] ?? ''}`;
}

/** How a container of an image is started: the local base image needs the studio's command; any other image runs as it is. */
export type ImageChoice = { name: string; layout: 'local-base' | 'lambda-image' };

/**
 * Picks the image for a function: its own when it names one, else the runtime's official
 * image when the engine has it, else the runtime's local base image. Throws a Lambda error
 * saying what to pull or build when none is there.
 */
export async function chooseImage(engine: DockerEngine, runtime: Runtime, own: string | undefined, localImages: LocalImages = DEFAULT_LOCAL_IMAGES, bootstrapDir?: string): Promise<ImageChoice> {
  if (own !== undefined) {
    const local = await imageLabels(engine, own);
    if (local === undefined) {
      throw new SandboxNotReadyError(`The image ${own} named in function.json is not on this Docker engine. Pull or build it (\`docker pull ${own}\`) and invoke again.`);
    }
    return { name: own, layout: local[LOCAL_BASE_LABEL] === undefined ? 'lambda-image' : 'local-base' };
  }
  const official = officialImage(runtime);
  if ((await imageLabels(engine, official)) !== undefined) return { name: official, layout: 'lambda-image' };
  const kind = localBaseKind(runtime);
  const localImage = localImages[kind];
  const labels = await imageLabels(engine, localImage);
  if (labels !== undefined) {
    if (bootstrapDir !== undefined && labels[LOCAL_BASE_RECIPE_LABEL] !== localBaseRecipeHash(bootstrapDir, kind)) {
      throw new LocalImageOutdatedError(`The local base image ${localImage} was built from an older bootstrap than this studio's. Rebuild it in Settings > Docker (or \`npm run setup\`).`);
    }
    return { name: localImage, layout: 'local-base' };
  }
  const fix = `Pull it in Settings > Docker (or \`docker pull ${official}\`), or build the local base image ${localImage} there (no registry needed).`;
  throw new SandboxNotReadyError(`No container image for ${runtime}: ${official} is not on this Docker engine. ${fix}`);
}

/** The local base image is there but was built from other bootstrap files or recipe than the studio's: it is rebuilt, never pulled. */
export class LocalImageOutdatedError extends SandboxNotReadyError {}

/** Whether a local base image's label says it was built from something other than the studio's current bootstrap. */
export async function localImageOutdated(engine: DockerEngine, name: string, kind: LocalBaseKind, bootstrapDir: string): Promise<boolean | undefined> {
  const labels = await imageLabels(engine, name);
  return labels === undefined ? undefined : labels[LOCAL_BASE_RECIPE_LABEL] !== localBaseRecipeHash(bootstrapDir, kind);
}

/** The image's labels, or undefined when the engine does not have it. */
async function imageLabels(engine: DockerEngine, name: string): Promise<Record<string, string> | undefined> {
  try {
    const info = await engine.docker.getImage(name).inspect();
    return info.Config.Labels ?? {};
  } catch {
    return undefined;
  }
}

/** The images the docker runner may use, and which of them the engine has. */
export async function listRunnerImages(engine: DockerEngine, bootstrapDir?: string): Promise<DockerImageInfo[]> {
  const wanted: Array<Pick<DockerImageInfo, 'name' | 'kind' | 'runtime'>> = [
    { name: officialImage('nodejs22.x'), kind: 'official', runtime: 'nodejs' },
    { name: officialImage('python3.13'), kind: 'official', runtime: 'python' },
    { name: LOCAL_NODE_IMAGE, kind: 'local-base', runtime: 'nodejs' },
    { name: LOCAL_PYTHON_IMAGE, kind: 'local-base', runtime: 'python' },
  ];
  return Promise.all(
    wanted.map(async (image) => {
      try {
        const info = await engine.docker.getImage(image.name).inspect();
        const outdated = image.kind === 'local-base' && bootstrapDir !== undefined && (info.Config.Labels ?? {})[LOCAL_BASE_RECIPE_LABEL] !== localBaseRecipeHash(bootstrapDir, image.runtime);
        return { ...image, present: true, sizeBytes: info.Size, ...(outdated ? { outdated } : {}) };
      } catch {
        return { ...image, present: false };
      }
    }),
  );
}

/** What the local base images are made of, from the studio's own files. */
export interface BaseImageSources {
  /** A Linux Node.js binary (the studio's own). */
  nodeBinary: string;
  /** The studio's Python 3 interpreter (the process runner's), used when the host has no `/usr/bin/python3`. */
  pythonBinary?: string | undefined;
  /** `resources/bootstrap`. */
  bootstrapDir: string;
  /**
   * Gives the aws-lambda-ric package folder, with its native client built (default: installed
   * on first use into the studio's data folder, see {@link ensureRuntimeClient}).
   */
  runtimeClient?: (onProgress: (line: string) => void) => Promise<string>;
}

const ENV = `PATH=/usr/local/bin:/usr/bin:/bin LANG=en_US.UTF-8 TZ=:UTC LAMBDA_TASK_ROOT=${IMAGE_PATHS.taskRoot} LAMBDA_RUNTIME_DIR=${IMAGE_PATHS.runtimeDir}`;

const DOCKERFILES: Record<LocalBaseKind, (labels: string) => string> = {
  nodejs: (labels) => `FROM scratch
COPY rootfs/ /
ENV ${ENV}
WORKDIR ${IMAGE_PATHS.taskRoot}
LABEL ${LOCAL_BASE_LABEL}=nodejs ${labels}
ENTRYPOINT ${JSON.stringify(localBaseEntrypoint('nodejs22.x', 1024))}
`,
  // The root file system is read-only, as Lambda's: no bytecode files written next to the handler.
  python: (labels) => `FROM scratch
COPY rootfs/ /
ENV ${ENV} PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR ${IMAGE_PATHS.taskRoot}
LABEL ${LOCAL_BASE_LABEL}=python ${labels}
ENTRYPOINT ${JSON.stringify(localBaseEntrypoint('python3.12', 1024))}
`,
};

/** The parts every image root has: writable and mount points, and the users Lambda's sandboxes know. */
async function stageCommon(root: string): Promise<void> {
  for (const dir of ['tmp', 'var/task', 'opt', 'etc']) await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/false\nsbx_user1051:x:993:990::/home/sbx_user1051:/bin/false\n');
  await writeFile(join(root, 'etc', 'group'), 'root:x:0:\n');
}

/** Lays out the Python image's root file system in `root`; returns its labels. */
async function stagePython(root: string, sources: BaseImageSources): Promise<string> {
  const python = pickPython(sources.pythonBinary);
  if (python === undefined) throw new Error('No Python 3 interpreter was found on this machine (python3 on PATH), so the local Python base image cannot be built. Install python3 (`apt-get install python3`) and try again.');
  const layout = await stagePythonRootfs(root, python);
  await cp(join(sources.bootstrapDir, 'python'), join(root, IMAGE_PATHS.runtimeDir), { recursive: true });
  await stageCommon(root);
  return `lambda-studio.python-version=${layout.version}`;
}

/** A package the runtime client depends on, where npm put it: nested in the client's folder, or hoisted beside it. */
function dependencyDir(ric: string, name: string): string {
  const nested = join(ric, 'node_modules', name);
  return existsSync(nested) ? nested : join(dirname(ric), name);
}

/** Lays out the Node.js image's root file system in `root`; returns its labels. */
async function stageNode(root: string, sources: BaseImageSources, onProgress: (line: string) => void): Promise<string> {
  const node = await realpath(sources.nodeBinary);
  const ric = await realpath(await (sources.runtimeClient ?? ((progress) => ensureRuntimeClient(defaultDataDir(), progress)))(onProgress));
  const addon = join(ric, 'rapid-client.node');
  await copySharedLibraries(root, new Set([...sharedLibraries(node), ...sharedLibraries(addon)]));
  await mkdir(join(root, 'usr', 'bin'), { recursive: true });
  await cp(node, join(root, IMAGE_PATHS.node));
  const runtimeDir = join(root, IMAGE_PATHS.runtimeDir);
  await cp(join(sources.bootstrapDir, 'node'), runtimeDir, { recursive: true });
  const ricOut = join(runtimeDir, 'node_modules', 'aws-lambda-ric');
  for (const file of ['index.mjs', 'package.json', 'rapid-client.node', 'LICENSE', 'NOTICE']) await cp(join(ric, file), join(ricOut, file));
  await cp(dependencyDir(ric, '@aws/lambda-invoke-store'), join(ricOut, 'node_modules', '@aws', 'lambda-invoke-store'), { recursive: true, dereference: true });
  await stageCommon(root);
  return `lambda-studio.node-version=${process.versions.node}`;
}

const GATHERING: Record<LocalBaseKind, string> = {
  nodejs: 'Gathering the image\'s files: the Node.js binary and its libraries, aws-lambda-ric, the bootstrap',
  python: 'Gathering the image\'s files: the Python interpreter, its standard library and libraries, the bootstrap',
};

/**
 * Builds a local base image from scratch, without a registry: for Node.js
 * ({@link LOCAL_NODE_IMAGE}) the studio's Node.js binary and the libraries it loads,
 * aws-lambda-ric with its native client and the studio's bootstrap; for Python
 * ({@link LOCAL_PYTHON_IMAGE}) the host's Python 3 with its standard library and libraries and
 * the studio's Python bootstrap. Linux hosts only (the binaries must be Linux ones).
 */
export async function buildLocalBaseImage(
  engine: DockerEngine,
  sources: BaseImageSources,
  onProgress: (line: string) => void = () => {},
  tag: string = LOCAL_NODE_IMAGE,
  kind: LocalBaseKind = 'nodejs',
): Promise<BuildBaseImageResult> {
  if (process.platform !== 'linux') {
    const official = kind === 'python' ? officialImage('python3.13') : officialImage('nodejs22.x');
    throw new Error(`The local base image is built from this machine's Linux binaries, so it can only be built on Linux. Pull ${official} instead.`);
  }
  await engine.ensureRunning();
  const started = performance.now();
  const context = await mkdtemp(join(tmpdir(), 'lambda-studio-image-'));
  try {
    onProgress(GATHERING[kind]);
    const labels = kind === 'python' ? await stagePython(join(context, 'rootfs'), sources) : await stageNode(join(context, 'rootfs'), sources, onProgress);
    await writeFile(join(context, 'Dockerfile'), DOCKERFILES[kind](`${labels} ${LOCAL_BASE_RECIPE_LABEL}=${localBaseRecipeHash(sources.bootstrapDir, kind)}`));
    onProgress('Sending the files to the Docker engine');
    const stream = await engine.docker.buildImage({ context, src: ['Dockerfile', 'rootfs'] }, { t: tag, rm: true, forcerm: true });
    await new Promise<void>((resolve, reject) => {
      engine.docker.modem.followProgress(
        stream,
        (error: Error | null, output: Array<{ error?: string }>) => {
          const failed = output.find((entry) => entry.error !== undefined);
          if (error !== null) reject(error);
          else if (failed !== undefined) reject(new Error(`The local base image did not build: ${failed.error ?? ''}`));
          else resolve();
        },
        (event: { stream?: string }) => {
          const text = event.stream?.trim();
          if (text !== undefined && text !== '') onProgress(text);
        },
      );
    });
    const info = await engine.docker.getImage(tag).inspect();
    return { image: tag, id: info.Id, sizeBytes: info.Size, durationMs: Math.round(performance.now() - started) };
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
