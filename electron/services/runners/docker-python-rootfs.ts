import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, realpath, symlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { copySharedLibraries, sharedLibraries } from './shared-libraries.ts';

/** Where the interpreter answers to inside the local Python base image (a link to the copied binary). */
export const IMAGE_PYTHON = '/usr/bin/python3';

/**
 * Parts of the standard library no Lambda handler imports: the test suite, GUI and IDE
 * modules, pip's bootstrap and the static libpython for building extensions (25 MB of
 * Debian's 54). Third-party folders stay out too: Lambda's runtime has none of the host's.
 */
const LEFT_OUT = new Set(['test', 'idlelib', 'tkinter', 'turtledemo', 'ensurepip', 'site-packages', 'dist-packages', 'lib2to3', 'pydoc_data']);
const isLeftOut = (name: string) => LEFT_OUT.has(name) || name.startsWith('config-');

/** How a Python interpreter is laid out on this machine, as it says itself. */
const PythonLayout = z.object({
  executable: z.string(),
  prefix: z.string(),
  stdlib: z.string(),
  dynload: z.string(),
  version: z.string(),
});
export type PythonLayout = z.infer<typeof PythonLayout>;

const DESCRIBE = `import json, os, sys, sysconfig
print(json.dumps({"executable": os.path.realpath(sys.executable), "prefix": sys.base_prefix, "stdlib": sysconfig.get_paths()["stdlib"],
  "dynload": sysconfig.get_config_var("DESTSHARED") or "", "version": "%d.%d.%d" % sys.version_info[:3]}))`;

/** Asks an interpreter where its binary, standard library and extension modules are. */
export function describePython(binary: string): PythonLayout {
  const out = execFileSync(binary, ['-I', '-c', DESCRIBE], { encoding: 'utf8', timeout: 10_000 });
  return PythonLayout.parse(JSON.parse(out));
}

/**
 * The interpreter the image is made from. The distribution's `/usr/bin/python3` comes first:
 * its layout is fixed (`/usr`), its standard library holds no third-party packages, and a
 * security update of the host's Python reaches the image at its next build. The studio's own
 * interpreter (the one the process runner uses, a pyenv build for example) is the fallback.
 */
export function pickPython(fallback: string | undefined): string | undefined {
  for (const candidate of ['/usr/bin/python3', fallback]) {
    if (candidate !== undefined && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every extension module (`.so`) under a folder. */
async function extensionModules(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.so')).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Lays out the Python half of an image root in `root`: the interpreter at its own path (so
 * its build-time prefix and rpath hold) with {@link IMAGE_PYTHON} linking to it, its
 * standard library without {@link LEFT_OUT}, and every shared library the interpreter and
 * its extension modules load. The same copy-from-the-host approach as the Node.js image: it
 * needs no package mirror, only the Python that runs Python functions here already.
 */
export async function stagePythonRootfs(root: string, python: string): Promise<PythonLayout> {
  const layout = describePython(python);
  await mkdir(join(root, dirname(layout.executable)), { recursive: true });
  await cp(layout.executable, join(root, layout.executable));
  if (layout.executable !== IMAGE_PYTHON) {
    await mkdir(join(root, dirname(IMAGE_PYTHON)), { recursive: true });
    await symlink(layout.executable, join(root, IMAGE_PYTHON));
  }
  const stdlib = await realpath(layout.stdlib);
  await cp(stdlib, join(root, layout.stdlib), {
    recursive: true,
    filter: (source) => {
      const first = relative(stdlib, source).split(sep)[0] ?? '';
      return !isLeftOut(first);
    },
  });
  const modules = await extensionModules(join(root, layout.stdlib));
  if (layout.dynload !== '' && !layout.dynload.startsWith(layout.stdlib + sep)) {
    await cp(layout.dynload, join(root, layout.dynload), { recursive: true });
    modules.push(...(await extensionModules(join(root, layout.dynload))));
  }
  const libs = new Set(sharedLibraries(layout.executable));
  for (const module of modules) for (const lib of sharedLibraries(module)) libs.add(lib);
  await copySharedLibraries(root, libs);
  return layout;
}
