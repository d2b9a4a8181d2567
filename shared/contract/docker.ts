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

/** A container image the docker runner may use, and whether this engine has it. */
export const DockerImageInfo = z.object({
  /** `public.ecr.aws/lambda/nodejs:22`, `lambda-studio/nodejs:22-local`, ... */
  name: z.string(),
  kind: z.enum(['official', 'local-base']),
  present: z.boolean(),
  sizeBytes: z.number().optional(),
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

export const dockerMethods = {
  /** The engine's state and the images the docker runner would use. */
  'docker.status': method(NoInput, DockerOverview),
  /** Builds the local base image from scratch (no registry): a Node.js binary, aws-lambda-ric and the studio's bootstrap. */
  'docker.buildBaseImage': method(NoInput, BuildBaseImageResult),
};
