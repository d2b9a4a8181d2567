import { defineConfig } from 'vitest/config';

/** The suites that run a second time with functions in containers (the docker runner). */
const dockerRunnerSuites = [
  'electron/services/runners/handlers.test.ts',
  'electron/services/runners/aws-lambda-ric.test.ts',
  'electron/services/runners/failures.test.ts',
  'electron/services/runners/freeze.test.ts',
  'electron/services/runners/log-boundaries.test.ts',
  'electron/services/durable/engine-*.test.ts',
  'electron/services/invocations/invocation-recorder.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      // Set by scripts/docker-engine.sh once a Docker engine answers and the local base image is built.
      ...(process.env['LAMBDA_STUDIO_DOCKER_TESTS'] === '1'
        ? [{ extends: true, test: { name: 'docker', include: dockerRunnerSuites, env: { LAMBDA_STUDIO_TEST_RUNNER: 'docker' } } }]
        : []),
    ],
  },
});
