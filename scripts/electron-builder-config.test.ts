import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own loading and validation (its JSON schema plus its deprecation checks), as
// `npm run dist` runs them before building anything. Its Electron download cannot happen here,
// so this is what keeps the packaging config honest.
// Resolved from electron-builder itself, so these are the versions it runs with.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
type Config = Record<string, unknown>;
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: Config | null): Promise<Config>;
  validateConfiguration(config: Config, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = join(import.meta.dirname, '..');

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(config['appId']).toBe('dev.lambdastudio.app');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused with a misspelt option, so the check above can fail', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    const broken = { ...config, linux: { ...(config['linux'] as Config), tagret: ['AppImage'] } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/does not match the API schema[\s\S]*configuration\.linux/);
  });
});
