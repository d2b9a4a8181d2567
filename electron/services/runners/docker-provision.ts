import type { Runtime } from '../../../shared/workspace/function-config.ts';
import { SandboxNotReadyError } from './sandbox-errors.ts';
import type { DockerEngine } from './docker-engine.ts';
import { chooseImage, type ImageChoice, localBaseKind, LocalImageOutdatedError, type LocalImages, officialImage } from './docker-images.ts';

/**
 * How long a pull may stay silent before the registry counts as unreachable. The engine
 * answers within a second when DNS or the connection fails; a registry that takes longer
 * than this to send a manifest is no use for a first invoke either.
 */
const PROBE_MS = 10_000;

/**
 * Whether a pull failed because the engine cannot reach the registry at all (no DNS, no
 * route, refused, timed out), as opposed to a registry that answered with an error (a
 * missing tag, a denied login) where building something else would hide the real problem.
 */
export function registryUnreachable(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /no such host|dial tcp|i\/o timeout|connection refused|network is unreachable|no route to host|TLS handshake timeout|Client\.Timeout|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/i.test(text);
}

/** What the provisioner needs from the runner: pulls and the (shared) build of the local base image. */
export interface ProvisionerDeps {
  engine: DockerEngine;
  localImages: LocalImages;
  /** The studio's bootstrap files: a local base image built from others is out of date and rebuilt. */
  bootstrapDir?: string;
  /** Pulls on behalf of an invoke; `onEvent` runs at every line the engine sends. */
  pull(image: string, signal: AbortSignal, onEvent: () => void): Promise<unknown>;
  /** Builds the runtime's local base image (one build of each at a time, shared with Settings). */
  build(runtime: Runtime): Promise<unknown>;
  log?: (message: string) => void;
}

/** Finds the image for a function, fetching or building one on the docker runner's first use. */
export interface ImageProvisioner {
  ensure(runtime: Runtime, own: string | undefined): Promise<ImageChoice>;
}

/**
 * When a function has no image to run in, the first invoke tries to pull the
 * runtime's official image; when that shows the engine cannot reach the registry (see
 * {@link registryUnreachable}, or no answer within {@link PROBE_MS}) it builds the local
 * base image instead. A local base image that is out of date is rebuilt at once. Invokes that
 * arrive meanwhile wait for the same pull or build.
 */
export function createImageProvisioner(deps: ProvisionerDeps): ImageProvisioner {
  const inflight = new Map<string, Promise<void>>();

  const provision = async (runtime: Runtime, missing: SandboxNotReadyError): Promise<void> => {
    if (missing instanceof LocalImageOutdatedError) {
      deps.log?.(`${missing.message} Rebuilding it now.`);
      try {
        await deps.build(runtime);
        return;
      } catch (error) {
        throw new SandboxNotReadyError(`${missing.message} Rebuilding it failed: ${(error as Error).message}`);
      }
    }
    const official = officialImage(runtime);
    const controller = new AbortController();
    const quiet = setTimeout(() => controller.abort(), PROBE_MS);
    try {
      // Any line from the engine means the registry answered: the pull then runs to its end.
      await deps.pull(official, controller.signal, () => clearTimeout(quiet));
      return;
    } catch (error) {
      if (!controller.signal.aborted && !registryUnreachable(error)) {
        throw new SandboxNotReadyError(`${missing.message} Pulling it failed: ${(error as Error).message}`);
      }
      deps.log?.(`${official} cannot be pulled (the Docker engine reaches no registry): building the local base image instead.`);
    } finally {
      clearTimeout(quiet);
    }
    try {
      await deps.build(runtime);
    } catch (error) {
      throw new SandboxNotReadyError(`${missing.message} No registry is reachable, and building the local base image failed: ${(error as Error).message}`);
    }
  };

  return {
    async ensure(runtime, own) {
      try {
        return await chooseImage(deps.engine, runtime, own, deps.localImages, deps.bootstrapDir);
      } catch (error) {
        // Only the runtime's default images can be fetched or built; a function's own image is its author's to provide.
        if (!(error instanceof SandboxNotReadyError) || own !== undefined) throw error;
        // python3.12 and python3.13 functions share one build of the local Python image, but each pulls its own official image.
        const key = `${runtime}|${deps.localImages[localBaseKind(runtime)]}`;
        let pending = inflight.get(key);
        if (pending === undefined) {
          pending = provision(runtime, error).finally(() => inflight.delete(key));
          inflight.set(key, pending);
        }
        await pending;
        return chooseImage(deps.engine, runtime, own, deps.localImages, deps.bootstrapDir);
      }
    },
  };
}
