import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildBaseImageResult, DockerImageInfo } from '../../../shared/contract/docker.ts';
import type { Runtime } from '../../../shared/workspace/function-config.ts';
import type { DockerEngine } from './docker-engine.ts';
import { LambdaApiError } from '../lambda/api-types.ts';

/** The local base image: Node.js, aws-lambda-ric and the studio's bootstrap, built without a registry. */
export const LOCAL_NODE_IMAGE = 'lambda-studio/nodejs:22-local';
/** Label the local base image carries, so the runner knows its layout. */
export const LOCAL_BASE_LABEL = 'lambda-studio.base';

/** Where things are inside the local base image (and where the runner mounts the function and the provided packages). */
export const IMAGE_PATHS = {
  node: '/usr/bin/node',
  runtimeDir: '/var/runtime',
  taskRoot: '/var/task',
  /** The SDKs a Lambda runtime provides, mounted read-only like a layer. */
  providedModules: '/opt/lambda-studio/node_modules',
} as const;

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
 * image when the engine has it, else the local base image (Node.js runtimes). Throws a
 * Lambda error saying what to pull or build when none is there.
 */
export async function chooseImage(engine: DockerEngine, runtime: Runtime, own: string | undefined, localImage: string = LOCAL_NODE_IMAGE): Promise<ImageChoice> {
  if (own !== undefined) {
    const local = await imageLabels(engine, own);
    if (local === undefined) {
      throw new LambdaApiError(502, 'ResourceNotReadyException', `The image ${own} named in function.json is not on this Docker engine. Pull or build it (\`docker pull ${own}\`) and invoke again.`);
    }
    return { name: own, layout: local[LOCAL_BASE_LABEL] === undefined ? 'lambda-image' : 'local-base' };
  }
  const official = officialImage(runtime);
  if ((await imageLabels(engine, official)) !== undefined) return { name: official, layout: 'lambda-image' };
  if (runtime.startsWith('nodejs') && (await imageLabels(engine, localImage)) !== undefined) return { name: localImage, layout: 'local-base' };
  const fix = runtime.startsWith('nodejs')
    ? `Pull it in Settings > Docker (or \`docker pull ${official}\`), or build the local base image there (no registry needed).`
    : `Pull it in Settings > Docker (or \`docker pull ${official}\`); the local base image runs Node.js functions only.`;
  throw new LambdaApiError(502, 'ResourceNotReadyException', `No container image for ${runtime}: ${official} is not on this Docker engine. ${fix}`);
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
export async function listRunnerImages(engine: DockerEngine): Promise<DockerImageInfo[]> {
  const wanted: Array<{ name: string; kind: DockerImageInfo['kind'] }> = [
    { name: officialImage('nodejs22.x'), kind: 'official' },
    { name: officialImage('python3.13'), kind: 'official' },
    { name: LOCAL_NODE_IMAGE, kind: 'local-base' },
  ];
  return Promise.all(
    wanted.map(async ({ name, kind }) => {
      try {
        const info = await engine.docker.getImage(name).inspect();
        return { name, kind, present: true, sizeBytes: info.Size };
      } catch {
        return { name, kind, present: false };
      }
    }),
  );
}

/** What the local base image is made of, from the studio's own files. */
export interface BaseImageSources {
  /** A Linux Node.js binary (the studio's own). */
  nodeBinary: string;
  /** `resources/bootstrap`. */
  bootstrapDir: string;
  /** A node_modules holding aws-lambda-ric with its native client built. */
  nodeModulesDir: string;
}

/** The shared libraries a Linux binary loads, as `ldd` lists them (the loader included). */
function sharedLibraries(binary: string): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const libs: string[] = [];
  for (const line of out.split('\n')) {
    const arrow = /=>\s+(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (path !== undefined) libs.push(path);
  }
  return libs;
}

const DOCKERFILE = `FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin LANG=en_US.UTF-8 TZ=:UTC LAMBDA_TASK_ROOT=${IMAGE_PATHS.taskRoot} LAMBDA_RUNTIME_DIR=${IMAGE_PATHS.runtimeDir}
WORKDIR ${IMAGE_PATHS.taskRoot}
LABEL ${LOCAL_BASE_LABEL}=nodejs
ENTRYPOINT ["${IMAGE_PATHS.node}", "--enable-source-maps", "--import", "${IMAGE_PATHS.runtimeDir}/provide-sdk.mjs", "${IMAGE_PATHS.runtimeDir}/bootstrap.mjs"]
`;

/** Lays out the image's root file system in `root`. */
async function stageRootfs(root: string, sources: BaseImageSources): Promise<void> {
  const node = await realpath(sources.nodeBinary);
  const ric = await realpath(join(sources.nodeModulesDir, 'aws-lambda-ric'));
  const addon = join(ric, 'rapid-client.node');
  const libs = new Set([...sharedLibraries(node), ...sharedLibraries(addon)]);
  for (const lib of libs) {
    await mkdir(join(root, dirname(lib)), { recursive: true });
    await cp(await realpath(lib), join(root, lib));
  }
  await mkdir(join(root, 'usr', 'bin'), { recursive: true });
  await cp(node, join(root, IMAGE_PATHS.node));
  const runtimeDir = join(root, IMAGE_PATHS.runtimeDir);
  await cp(join(sources.bootstrapDir, 'node'), runtimeDir, { recursive: true });
  const ricOut = join(runtimeDir, 'node_modules', 'aws-lambda-ric');
  for (const file of ['index.mjs', 'package.json', 'rapid-client.node', 'LICENSE', 'NOTICE']) await cp(join(ric, file), join(ricOut, file));
  await cp(join(ric, 'node_modules', '@aws', 'lambda-invoke-store'), join(ricOut, 'node_modules', '@aws', 'lambda-invoke-store'), { recursive: true, dereference: true });
  for (const dir of ['tmp', 'var/task', 'opt', 'etc']) await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/false\nsbx_user1051:x:993:990::/home/sbx_user1051:/bin/false\n');
  await writeFile(join(root, 'etc', 'group'), 'root:x:0:\n');
}

/**
 * Builds {@link LOCAL_NODE_IMAGE} from scratch, without a registry: the studio's Node.js
 * binary and the libraries it loads, aws-lambda-ric with its native client, and the studio's
 * bootstrap as the entry point. Linux hosts only (the binary must be a Linux one).
 */
export async function buildLocalBaseImage(
  engine: DockerEngine,
  sources: BaseImageSources,
  onProgress: (line: string) => void = () => {},
  tag: string = LOCAL_NODE_IMAGE,
): Promise<BuildBaseImageResult> {
  if (process.platform !== 'linux') {
    throw new Error('The local base image is built from this machine\'s Linux Node.js binary, so it can only be built on Linux. Pull public.ecr.aws/lambda/nodejs:22 instead.');
  }
  await engine.ensureRunning();
  const started = performance.now();
  const context = await mkdtemp(join(tmpdir(), 'lambda-studio-image-'));
  try {
    onProgress('Gathering the image\'s files: the Node.js binary and its libraries, aws-lambda-ric, the bootstrap');
    await stageRootfs(join(context, 'rootfs'), sources);
    await writeFile(join(context, 'Dockerfile'), DOCKERFILE);
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
