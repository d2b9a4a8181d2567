import { z } from 'zod';
import { method, NoInput } from './define.ts';

/** The Docker engine as the docker runner sees it, with what to do when it is not usable. */
export const DockerStatus = z.object({
  state: z.enum(['not-installed', 'not-running', 'running']),
  /** The socket (or named pipe) the studio talks to. */
  socket: z.string(),
  /** The engine's version, when it answers. */
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  /** `linux/amd64` and the like. */
  os: z.string().optional(),
  /** One sentence for a person: what the state is. */
  message: z.string(),
  /** What to do about it, when something is wrong. */
  fix: z.string().optional(),
  /** The low-level error behind a state other than running. */
  reason: z.string().optional(),
});
export type DockerStatus = z.infer<typeof DockerStatus>;

/** The runtime families that have a local base image. */
export const LocalBaseKind = z.enum(['nodejs', 'python']);
export type LocalBaseKind = z.infer<typeof LocalBaseKind>;

/** A container image the docker runner may use, and whether this engine has it. */
export const DockerImageInfo = z.object({
  /** `public.ecr.aws/lambda/nodejs:22`, `lambda-studio/nodejs:22-local`, ... */
  name: z.string(),
  kind: z.enum(['official', 'local-base']),
  /** The functions it runs. */
  runtime: LocalBaseKind,
  present: z.boolean(),
  sizeBytes: z.number().optional(),
  /** A local base image built from another bootstrap or recipe than this studio's: the next invoke rebuilds it. */
  outdated: z.boolean().optional(),
});
export type DockerImageInfo = z.infer<typeof DockerImageInfo>;

export const DockerOverview = z.object({
  engine: DockerStatus,
  images: z.array(DockerImageInfo),
});
export type DockerOverview = z.infer<typeof DockerOverview>;

export const BuildBaseImageResult = z.object({
  image: z.string(),
  /** Image id the engine gave it. */
  id: z.string(),
  durationMs: z.number(),
  sizeBytes: z.number(),
});
export type BuildBaseImageResult = z.infer<typeof BuildBaseImageResult>;

/** Progress of a pull or a build, as the engine reports it (sent as the `docker.progress` event). */
export const DockerProgress = z.object({
  operation: z.enum(['pull', 'build']),
  image: z.string(),
  /** The engine's latest line (`Downloading`, `Step 2/6 : COPY ...`). */
  line: z.string(),
  /** 0-100 over the bytes of the layers known so far, when the engine gives sizes. */
  percent: z.number().min(0).max(100).optional(),
  /** Pulls: layers fetched of those known so far. */
  layersDone: z.number().optional(),
  layersTotal: z.number().optional(),
  /** Pulls: bytes fetched of those known so far. */
  bytesDone: z.number().optional(),
  bytesTotal: z.number().optional(),
  /** Set when the pull or build was started by an invoke that found no image (the first use of the docker runner). */
  forInvoke: z.boolean().optional(),
});
export type DockerProgress = z.infer<typeof DockerProgress>;

/** An image reference as Docker accepts it: `[registry/]name[:tag][@digest]`. */
export const ImageReference = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/, 'must be an image reference such as public.ecr.aws/lambda/nodejs:22');

export const PullImageResult = z.object({ image: z.string(), id: z.string(), durationMs: z.number() });
export type PullImageResult = z.infer<typeof PullImageResult>;

export const dockerMethods = {
  /** The engine's state and the images the docker runner would use. */
  'docker.status': method(NoInput, DockerOverview),
  /**
   * Builds a local base image from scratch (no registry): for `nodejs` (the default) a Node.js
   * binary, aws-lambda-ric and the studio's bootstrap; for `python` the host's Python 3 and the
   * studio's Python bootstrap.
   */
  'docker.buildBaseImage': method(z.object({ runtime: LocalBaseKind.optional() }).strict(), BuildBaseImageResult),
  /** Pulls an image (the official Lambda base images need a registry); progress comes as `docker.progress` events. */
  'docker.pullImage': method(z.object({ image: ImageReference }).strict(), PullImageResult),
  /** Cancels a pull in progress (its `docker.pullImage` call then fails); `cancelled` is false when none of that image runs. */
  'docker.cancelPull': method(z.object({ image: ImageReference }).strict(), z.object({ cancelled: z.boolean() })),
};
