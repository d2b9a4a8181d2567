import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TypeLibrary } from '../../../shared/contract/app.ts';

/** A package whose declarations handlers import, and which of its files to hand over. */
interface DeclarationPackage {
  name: string;
  /** Folders (relative to the package) holding its `.d.ts` files. */
  folders: string[];
  /** Sub-folders left out: the package's own test helpers, which need a test framework's types. */
  skip?: string[];
}

const PACKAGES: DeclarationPackage[] = [
  { name: '@types/aws-lambda', folders: ['.'] },
  { name: '@aws/durable-execution-sdk-js', folders: ['dist-types'], skip: ['dist-types/testing'] },
];

/**
 * What the durable SDK's declarations import from outside itself, reduced to the members
 * they use. The real `@aws-sdk/client-lambda` declarations run to megabytes and `events`
 * would pull in all of Node's; these keep the editor light and every SDK type resolved.
 */
const STUBS: TypeLibrary[] = [
  {
    path: 'file:///node_modules/@aws-sdk/client-lambda/package.json',
    content: `${JSON.stringify({ name: '@aws-sdk/client-lambda', version: '0.0.0-editor', types: 'index.d.ts' }, null, 2)}\n`,
  },
  {
    path: 'file:///node_modules/@aws-sdk/client-lambda/index.d.ts',
    content: `/** Editor stand-in for the AWS SDK's Lambda client: enough for the durable SDK's types. */
export interface LambdaClientConfig {
  region?: string;
  endpoint?: string;
  [option: string]: unknown;
}
export declare class LambdaClient {
  constructor(config?: LambdaClientConfig);
  send<Output = unknown>(command: unknown): Promise<Output>;
  destroy(): void;
}
export declare class CheckpointDurableExecutionCommand {
  constructor(input: Record<string, unknown>);
  readonly input: Record<string, unknown>;
}
export declare class GetDurableExecutionStateCommand {
  constructor(input: Record<string, unknown>);
  readonly input: Record<string, unknown>;
}
`,
  },
  {
    path: 'file:///node_modules/@types/node/package.json',
    content: `${JSON.stringify({ name: '@types/node', version: '0.0.0-editor', types: 'index.d.ts' }, null, 2)}\n`,
  },
  {
    path: 'file:///node_modules/@types/node/index.d.ts',
    content: `/** Editor stand-in for the few Node.js names handlers and the SDK declarations use. */
declare var process: {
  env: Record<string, string | undefined>;
  argv: string[];
  cwd(): string;
  exit(code?: number): never;
};
declare namespace NodeJS {
  interface Timeout {
    ref(): this;
    unref(): this;
    hasRef(): boolean;
    refresh(): this;
  }
}
declare module 'events' {
  export class EventEmitter {
    on(event: string | symbol, listener: (...args: any[]) => void): this;
    once(event: string | symbol, listener: (...args: any[]) => void): this;
    off(event: string | symbol, listener: (...args: any[]) => void): this;
    emit(event: string | symbol, ...args: any[]): boolean;
    removeAllListeners(event?: string | symbol): this;
  }
}
declare module 'node:events' {
  export * from 'events';
}
declare module 'node:stream' {
  import { EventEmitter } from 'events';
  export class Writable extends EventEmitter {
    write(chunk: unknown, callback?: (error?: Error | null) => void): boolean;
    end(chunk?: unknown, callback?: () => void): this;
    setContentType?(contentType: string): void;
  }
  export class Readable extends EventEmitter {
    static from(source: Iterable<unknown> | AsyncIterable<unknown>): Readable;
    pipe<T extends Writable>(destination: T): T;
  }
}
`,
  },
];

async function declarationFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The first of `dirs` that holds the package (a packaged app keeps some apart from node_modules). */
async function packageRoot(dirs: readonly string[], name: string): Promise<string> {
  for (const dir of dirs) {
    const root = join(dir, ...name.split('/'));
    if (await access(join(root, 'package.json')).then(() => true, () => false)) return root;
  }
  throw new Error(`The type declarations of ${name} are missing (looked in ${dirs.join(', ')}).`);
}

async function loadPackage(dirs: readonly string[], pkg: DeclarationPackage): Promise<TypeLibrary[]> {
  const root = await packageRoot(dirs, pkg.name);
  const virtual = (absolute: string) => `file:///node_modules/${pkg.name}/${absolute.slice(root.length + 1).split(/[\\/]/).join('/')}`;
  const skipped = (pkg.skip ?? []).map((folder) => join(root, folder));
  const files = (await Promise.all(pkg.folders.map((folder) => declarationFiles(join(root, folder)))))
    .flat()
    .filter((file) => !skipped.some((folder) => file.startsWith(`${folder}/`) || file.startsWith(`${folder}\\`)));
  const libraries = await Promise.all(
    [join(root, 'package.json'), ...files].map(async (file) => ({
      path: virtual(file),
      // Source map comments point at files the editor does not have.
      content: (await readFile(file, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, ''),
    })),
  );
  return libraries;
}

/** Serves the declaration files Monaco needs for IntelliSense in handlers, read once. */
export interface TypeLibraries {
  load(): Promise<TypeLibrary[]>;
}

/**
 * Type libraries read from the studio's own `node_modules`, or from `extraDirs` (laid out
 * like node_modules) for packages a packaged app ships outside it.
 */
export function createTypeLibraries(options: { nodeModulesDir: string; extraDirs?: readonly string[] }): TypeLibraries {
  const dirs = [options.nodeModulesDir, ...(options.extraDirs ?? [])];
  let cached: Promise<TypeLibrary[]> | undefined;
  return {
    load() {
      // Read in parallel, but when several fail the first package's error is the one told,
      // whichever read finished first.
      cached ??= Promise.allSettled(PACKAGES.map((pkg) => loadPackage(dirs, pkg)))
        .then((settled) => [
          ...settled.flatMap((outcome) => {
            if (outcome.status === 'rejected') throw outcome.reason;
            return outcome.value;
          }),
          ...STUBS,
        ])
        .catch((error: unknown) => {
          // A failed read should not be remembered: the next call tries again.
          cached = undefined;
          throw error;
        });
      return cached;
    },
  };
}
