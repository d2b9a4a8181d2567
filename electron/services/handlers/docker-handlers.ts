import { StudioError } from '../../../shared/contract/errors.ts';
import { DockerUnavailableError } from '../runners/docker-engine.ts';
import { listRunnerImages } from '../runners/docker-images.ts';
import type { DockerRunner } from '../runners/docker-runner.ts';
import type { Handlers } from './handler-table.ts';

type DockerArea = Pick<Handlers, 'docker.status' | 'docker.buildBaseImage' | 'docker.pullImage' | 'docker.cancelPull'>;

/** The Docker area of the contract: the engine's state and the local base image. */
export function createDockerHandlers(runner: DockerRunner): DockerArea {
  return {
    'docker.status': async () => {
      const engine = await runner.engine.status();
      return { engine, images: engine.state === 'running' ? await listRunnerImages(runner.engine, runner.bootstrapDir) : [] };
    },
    'docker.buildBaseImage': async ({ runtime }) => {
      try {
        return await runner.buildBaseImage(runtime);
      } catch (error) {
        if (error instanceof DockerUnavailableError) throw new StudioError('UNAVAILABLE', error.engine.message, error.engine.fix);
        throw new StudioError('INTERNAL', `The local base image could not be built: ${(error as Error).message}`);
      }
    },
    'docker.pullImage': async ({ image }) => {
      try {
        return await runner.pullImage(image);
      } catch (error) {
        if (error instanceof DockerUnavailableError) throw new StudioError('UNAVAILABLE', error.engine.message, error.engine.fix);
        throw new StudioError(
          'UNAVAILABLE',
          `${image} could not be pulled: ${(error as Error).message}`,
          'Pulling needs the image\'s registry to be reachable. Offline, build the local base image of the runtime instead.',
        );
      }
    },
    'docker.cancelPull': ({ image }) => Promise.resolve({ cancelled: runner.cancelPull(image) }),
  };
}
