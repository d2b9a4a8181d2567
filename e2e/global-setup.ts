import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, withProjectBin } from './fixtures/paths.ts';

/** Builds the renderer once per run, so `serve` hands Chromium the current code. */
export default function globalSetup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const started = Date.now();
  execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: PROJECT_ROOT, env: withProjectBin(process.env), stdio: 'inherit' });
  process.stderr.write(`renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s (${join(PROJECT_ROOT, 'renderer', 'dist')})\n`);
}
