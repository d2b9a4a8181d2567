import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { FunctionDetail, FunctionSummary, TemplateId } from '../../../shared/contract/functions.ts';
import { FunctionName, type FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { TEMPLATE_SAMPLE_EVENTS, type Templates } from '../templates/templates.ts';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write.ts';
import { formatFunctionConfig, readFunctionConfig } from './config-file.ts';
import type { WorkspaceLayout } from './layout.ts';
import { resolveInside } from './safe-path.ts';

/** The functions of a workspace: `functions/<name>/` folders with a `function.json` each. */
export interface FunctionStore {
  list(): Promise<FunctionSummary[]>;
  get(name: string): Promise<FunctionDetail>;
  /** Copies the template and saves its sample as the first test event (`events/<name>/example.json`). */
  create(name: string, template: TemplateId): Promise<FunctionDetail>;
  /** Moves the folder, and the function's saved test events with it. */
  rename(from: string, to: string): Promise<FunctionDetail>;
  /** Moves the folder to `.studio/trash/<name>-<time>/` rather than deleting it, and its saved events to `<name>-<time>-events/` beside it, so nothing is lost. */
  remove(name: string): Promise<void>;
  readFile(name: string, path: string): Promise<string>;
  writeFile(name: string, path: string, content: string): Promise<void>;
  /** Validates, then writes `function.json` pretty-printed. */
  saveConfig(name: string, config: FunctionConfig): Promise<FunctionDetail>;
  /** Absolute folder of a function; NOT_FOUND when it does not exist. */
  folderOf(name: string): Promise<string>;
}

/** Folders never listed as function files: dependencies and version control. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '__pycache__', '.venv']);

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function checkName(name: string): string {
  const parsed = FunctionName.safeParse(name);
  if (!parsed.success) {
    throw new StudioError('BAD_INPUT', `"${name}" is not a valid function name: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if (errno(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Relative `/`-separated paths of the files under `folder`, sorted. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith(TEMP_SUFFIX)) continue;
    const relative = join(entry.parentPath, entry.name).slice(folder.length + 1).split(/[\\/]/);
    if (relative.some((part) => SKIPPED_DIRS.has(part))) continue;
    files.push(relative.join('/'));
  }
  return files.sort((a, b) => a.localeCompare(b));
}

function timestamp(): string {
  return new Date().toISOString().replaceAll(':', '-').replace('.', '-');
}

/** A function store over a workspace's `functions/` folder. */
export function createFunctionStore(options: { layout: WorkspaceLayout; templates: Templates }): FunctionStore {
  const { layout, templates } = options;
  const pathOf = (name: string) => join(layout.functions, checkName(name));

  const folderOf = async (name: string) => {
    const folder = pathOf(name);
    if (!(await isDirectory(folder))) {
      throw new StudioError('NOT_FOUND', `There is no function "${name}" in this workspace.`, `Looked for the folder ${folder}.`);
    }
    return folder;
  };

  const readConfigText = async (folder: string): Promise<string | undefined> => {
    try {
      return await readFile(join(folder, 'function.json'), 'utf8');
    } catch (error) {
      if (errno(error) === 'ENOENT') return undefined;
      throw error;
    }
  };

  const get = async (name: string): Promise<FunctionDetail> => {
    const folder = await folderOf(name);
    const [text, files] = await Promise.all([readConfigText(folder), listFiles(folder)]);
    if (text === undefined) {
      return {
        name,
        config: null,
        configText: '',
        configError: `function.json is missing from functions/${name}/. Save the settings to create it.`,
        files,
      };
    }
    const reading = readFunctionConfig(text);
    return reading.error === undefined
      ? { name, config: reading.config, configText: text, files }
      : { name, config: null, configText: text, configError: reading.error, files };
  };

  const ensureFree = async (name: string) => {
    if (await isDirectory(pathOf(name))) {
      throw new StudioError('CONFLICT', `A function named "${name}" already exists. Choose another name.`);
    }
  };

  return {
    folderOf,
    get,

    async list() {
      const entries = await readdir(layout.functions, { withFileTypes: true }).catch((error: unknown) => {
        if (errno(error) === 'ENOENT') return [];
        throw error;
      });
      const names = entries
        .filter((entry) => entry.isDirectory() && FunctionName.safeParse(entry.name).success)
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b));
      return Promise.all(
        names.map(async (name): Promise<FunctionSummary> => {
          const text = await readConfigText(join(layout.functions, name));
          const reading = text === undefined ? undefined : readFunctionConfig(text);
          if (reading === undefined) {
            return { name, durable: false, configError: `function.json is missing from functions/${name}/.` };
          }
          if (reading.error !== undefined) return { name, durable: false, configError: reading.error };
          return { name, runtime: reading.config.runtime, durable: reading.config.durable?.enabled === true };
        }),
      );
    },

    async create(name, template) {
      const target = pathOf(name);
      await ensureFree(name);
      // Assemble in the state folder and move into place in one step, so a half-copied
      // template never shows up as a function (and the watcher sees one addition).
      const staging = join(layout.state, 'tmp', `create-${randomBytes(4).toString('hex')}`);
      await mkdir(join(layout.state, 'tmp'), { recursive: true });
      try {
        await templates.copyTo(template, staging, name);
        await ensureFree(name);
        await rename(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        if (errno(error) === 'ENOTEMPTY' || errno(error) === 'EEXIST') {
          throw new StudioError('CONFLICT', `A function named "${name}" already exists. Choose another name.`);
        }
        throw error;
      }
      // A first test event, unless events of an earlier function by this name are still there.
      const events = join(layout.events, name);
      if (!(await isDirectory(events))) await writeFileAtomic(join(events, 'example.json'), TEMPLATE_SAMPLE_EVENTS[template]);
      return get(name);
    },

    async rename(from, to) {
      const source = await folderOf(from);
      if (from === to) return get(from);
      await ensureFree(to);
      try {
        await rename(source, pathOf(to));
      } catch (error) {
        if (errno(error) === 'ENOTEMPTY' || errno(error) === 'EEXIST') {
          throw new StudioError('CONFLICT', `A function named "${to}" already exists. Choose another name.`);
        }
        throw error;
      }
      // Saved test events follow their function, unless the new name already has some.
      const events = join(layout.events, from);
      if ((await isDirectory(events)) && !(await isDirectory(join(layout.events, to)))) {
        await rename(events, join(layout.events, to));
      }
      return get(to);
    },

    async remove(name) {
      const source = await folderOf(name);
      await mkdir(layout.trash, { recursive: true });
      const trashed = join(layout.trash, `${name}-${timestamp()}`);
      await rename(source, trashed);
      // Its saved test events go with it: left behind, a new function of that name would inherit them.
      const events = join(layout.events, name);
      if (await isDirectory(events)) await rename(events, `${trashed}-events`);
    },

    async readFile(name, path) {
      const folder = await folderOf(name);
      const target = await resolveInside(folder, path, `the function "${name}"`);
      try {
        return await readFile(target, 'utf8');
      } catch (error) {
        if (errno(error) === 'ENOENT') throw new StudioError('NOT_FOUND', `functions/${name}/${path} does not exist.`);
        if (errno(error) === 'EISDIR') throw new StudioError('BAD_INPUT', `functions/${name}/${path} is a folder, not a file.`);
        throw error;
      }
    },

    async writeFile(name, path, content) {
      const folder = await folderOf(name);
      const target = await resolveInside(folder, path, `the function "${name}"`);
      if (await isDirectory(target)) throw new StudioError('BAD_INPUT', `functions/${name}/${path} is a folder, not a file.`);
      await writeFileAtomic(target, content);
    },

    async saveConfig(name, config) {
      const folder = await folderOf(name);
      // The input was validated at the edge; check again here because services are also used directly.
      const reading = readFunctionConfig(JSON.stringify(config));
      if (reading.error !== undefined) throw new StudioError('INVALID_CONFIG', reading.error);
      await writeFileAtomic(join(folder, 'function.json'), formatFunctionConfig(reading.config));
      return get(name);
    },
  };
}
