import { randomBytes } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFunction, type BundleResult } from './bundle-function.ts';

/** Marks a folder esbuild is still writing; only a finished bundle loses it (by a rename). */
const PARTIAL = '.partial';
/** A stamp: the build time in fixed-width base 36 (so names sort by age), then a random tail. */
const STAMP = /^([0-9a-z]{9})-[0-9a-f]{6}$/;
/** Longer than any build takes: a partial folder this old was left by a killed studio. */
const PARTIAL_MAX_AGE_MS = 10 * 60_000;

const stampTime = (name: string): number => Number.parseInt(name.slice(0, 9), 36);

/**
 * Bundles a handler into a fresh folder under `baseDir` (`<baseDir>/<stamp>/`) and returns it
 * only once it is complete. Earlier bundles stay where they are, so a sandbox starting from the
 * one still registered (an invoke racing a save, or a studio killed mid-build and restarted)
 * always loads a whole bundle; `pruneBundles` removes them once nothing can run them.
 */
export async function bundleIntoFreshFolder(options: { functionName: string; sourceDir: string; handler: string; baseDir: string }): Promise<BundleResult> {
  const stamp = `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(3).toString('hex')}`;
  const partial = join(options.baseDir, `${stamp}${PARTIAL}`);
  const finished = join(options.baseDir, stamp);
  try {
    const result = await bundleFunction({ functionName: options.functionName, sourceDir: options.sourceDir, handler: options.handler, outDir: partial });
    // Same parent folder, so the rename is atomic and the source map's relative paths still hold.
    await rename(partial, finished);
    return { ...result, outDir: finished };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes bundles nothing can still run: always keeps the newest two (the registered one and
 * the one before it), and an older one until the bundle that replaced it is `keepMs` old (an
 * invocation started on it has then timed out). Partial folders go once a build cannot still
 * be writing them. Other entries (a bundle written flat by an older studio) are left alone.
 */
export async function pruneBundles(baseDir: string, keepMs: number, nowMs = Date.now()): Promise<void> {
  const names = (await readdir(baseDir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name);
  const doomed = names.filter((name) => name.endsWith(PARTIAL) && STAMP.test(name.slice(0, -PARTIAL.length)) && nowMs - stampTime(name) > PARTIAL_MAX_AGE_MS);
  const finished = names.filter((name) => STAMP.test(name)).sort();
  finished.slice(0, -2).forEach((name, i) => {
    const replacedAt = stampTime(finished[i + 1] ?? name);
    if (nowMs - replacedAt > keepMs) doomed.push(name);
  });
  for (const name of doomed) await rm(join(baseDir, name), { recursive: true, force: true });
}
