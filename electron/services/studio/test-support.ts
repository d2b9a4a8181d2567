import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStudioServices, type StudioServices, type StudioServicesOptions } from './studio-services.ts';

/** The source tree: its resources (templates, bootstrap) and node_modules are what the test studio runs with. */
const root = join(import.meta.dirname, '..', '..', '..');

/** The studio's services on `workspaceDir` as `serve` starts them from the source tree; `options` adds to or overrides that. */
export function startTestStudio(workspaceDir: string, options: Partial<StudioServicesOptions> = {}): Promise<StudioServices> {
  return startStudioServices({
    workspaceDir,
    host: 'serve',
    version: '0.0.0',
    resourcesDir: join(root, 'resources'),
    nodeModulesDir: join(root, 'node_modules'),
    ...options,
  });
}

/** Puts the project template `template` (a folder of resources/templates) into the workspace as the function `name`, as a user's copy would be. */
export async function addTemplateFunction(workspaceDir: string, template: string, name: string): Promise<void> {
  await cp(join(root, 'resources', 'templates', template), join(workspaceDir, 'functions', name), { recursive: true });
  const config = join(workspaceDir, 'functions', name, 'function.json');
  await writeFile(config, (await readFile(config, 'utf8')).replace('__FUNCTION_NAME__', name));
}

/** Polls `probe` until it gives a value, which it returns; a probe that throws counts as not yet. */
export type Until = <T>(probe: () => Promise<T | undefined>, what: string) => Promise<T>;

/** An `until` that gives up after `timeoutMs`, naming what it waited for, and probes every `intervalMs`. */
export function untilWith({ timeoutMs = 20_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {}): Until {
  return async (probe, what) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
}
