import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of the studio's in-flight temporary files; the watcher and file lists skip them. */
export const TEMP_SUFFIX = '.studio-tmp';

/**
 * Writes a file so that readers see either the old bytes or the new ones, never half:
 * the text goes to a temporary file beside the target, which then replaces it.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
