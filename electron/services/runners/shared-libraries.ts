import { execFileSync } from 'node:child_process';
import { cp, mkdir, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The shared libraries a Linux binary loads, as `ldd` lists them (the loader included). */
export function sharedLibraries(binary: string): string[] {
  const out = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const libs: string[] = [];
  for (const line of out.split('\n')) {
    const arrow = /=>\s+(\/\S+)/.exec(line);
    const bare = /^\s*(\/\S+)\s+\(/.exec(line);
    const path = arrow?.[1] ?? bare?.[1];
    if (path !== undefined) libs.push(path);
  }
  return libs;
}

/** Copies each library to the same path under `root` (the file a link points to, under the link's name). */
export async function copySharedLibraries(root: string, libs: Iterable<string>): Promise<void> {
  for (const lib of libs) {
    await mkdir(join(root, dirname(lib)), { recursive: true });
    await cp(await realpath(lib), join(root, lib));
  }
}
