import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../../shared/contract/errors.ts';
import { type Target, TargetInput } from '../../../shared/contract/targets.ts';

/** The file's shape: names, profiles, regions and endpoints only. Secrets stay in the AWS config. */
const TargetsFile = z.object({ version: z.literal(1), targets: z.array(TargetInput) });

/**
 * The folder of the studio's per-user settings: `LAMBDA_STUDIO_CONFIG_DIR` when set (tests,
 * portable installs), else `$XDG_CONFIG_HOME/lambda-studio`, else `~/.config/lambda-studio`.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['LAMBDA_STUDIO_CONFIG_DIR'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = env['XDG_CONFIG_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.config'), 'lambda-studio');
}

/** The saved AWS targets of this user. */
export interface TargetStore {
  /** Where the targets are kept, for messages. */
  readonly file: string;
  /** The AWS targets, by name. */
  list(): Promise<Target[]>;
  get(id: string): Promise<Target | undefined>;
  /** Adds the target, or replaces the one with the same name. */
  save(input: TargetInput): Promise<Target>;
  /** False when there was no such target. */
  remove(id: string): Promise<boolean>;
}

/** Stored input → listed target; the name is the id. */
export function toTarget(input: TargetInput): Target {
  return {
    id: input.name,
    kind: 'aws',
    name: input.name,
    profile: input.profile,
    region: input.region,
    ...(input.endpoint === undefined ? {} : { endpoint: input.endpoint }),
  };
}

/** Opens `<configDir>/targets.json`; the file is created on the first save. */
export function createTargetStore(configDir: string = defaultConfigDir()): TargetStore {
  const file = join(configDir, 'targets.json');
  // Saves go one after another so two quick edits cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<TargetInput[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = TargetsFile.safeParse(json);
    if (!parsed.success) {
      throw new StudioError('INVALID_CONFIG', `The saved targets in ${file} are not readable. Fix or delete the file.`, parsed.error.message);
    }
    return parsed.data.targets;
  }

  async function store(targets: TargetInput[]): Promise<void> {
    await mkdir(configDir, { recursive: true });
    const sorted = [...targets].sort((a, b) => a.name.localeCompare(b.name));
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ version: 1, targets: sorted }, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, file);
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    file,
    list: async () => (await load()).sort((a, b) => a.name.localeCompare(b.name)).map(toTarget),
    get: async (id) => {
      const found = (await load()).find((t) => t.name === id);
      return found === undefined ? undefined : toTarget(found);
    },
    save: (input) =>
      serial(async () => {
        const checked = TargetInput.parse(input);
        await store([...(await load()).filter((t) => t.name !== checked.name), checked]);
        return toTarget(checked);
      }),
    remove: (id) =>
      serial(async () => {
        const targets = await load();
        const kept = targets.filter((t) => t.name !== id);
        if (kept.length === targets.length) return false;
        await store(kept);
        return true;
      }),
  };
}
