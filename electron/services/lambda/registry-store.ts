import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Runner, Runtime } from '../../../shared/workspace/function-config.ts';
import { writeFileAtomic } from '../workspace/atomic-write.ts';
import type { FunctionRecord, FunctionRegistry } from './function-registry.ts';

const Version = z.object({
  functionName: z.string(),
  version: z.string(),
  runtime: Runtime,
  handler: z.string(),
  memorySize: z.number(),
  timeout: z.number(),
  environment: z.record(z.string(), z.string()),
  description: z.string(),
  role: z.string(),
  durable: z.object({ executionTimeout: z.number(), retentionPeriodInDays: z.number() }).optional(),
  tenancy: z.object({ tenantIsolationMode: z.literal('PER_TENANT') }).optional(),
  runner: Runner.optional(),
  image: z.string().optional(),
  codeDir: z.string(),
  codeSha256: z.string(),
  codeSize: z.number(),
  lastModified: z.string(),
  revisionId: z.string(),
  origin: z.enum(['workspace', 'api']),
});
const Alias = z.object({ name: z.string(), functionVersion: z.string(), description: z.string(), revisionId: z.string() });
const Saved = z.object({
  functions: z.array(z.object({ name: z.string(), latest: Version, versions: z.array(Version), aliases: z.array(Alias), nextVersion: z.number() })),
});

const fileOf = (stateDir: string) => join(stateDir, 'lambda', 'functions.json');

/**
 * Saves functions, versions and aliases to `<stateDir>/lambda/functions.json`, so what outside
 * tools deployed (and what durable executions still need) survives a restart of the studio.
 */
export async function saveRegistry(stateDir: string, registry: FunctionRegistry): Promise<void> {
  const functions = registry.list().map((r) => ({ name: r.name, latest: r.latest, versions: [...r.versions.values()], aliases: [...r.aliases.values()], nextVersion: r.nextVersion }));
  const file = fileOf(stateDir);
  await writeFileAtomic(file, JSON.stringify({ functions }, null, 1));
}

/** Loads saved functions whose code is still on disk; returns the problems it skipped over. */
export async function loadRegistry(stateDir: string, registry: FunctionRegistry): Promise<string[]> {
  const file = fileOf(stateDir);
  if (!existsSync(file)) return [];
  let parsed: z.infer<typeof Saved>;
  try {
    parsed = Saved.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    return [`The saved functions in ${file} could not be read (${(error as Error).message}); starting with none. Redeploy or resync them.`];
  }
  const problems: string[] = [];
  for (const saved of parsed.functions) {
    if (!existsSync(saved.latest.codeDir)) {
      problems.push(`Function ${saved.name} was dropped: its code folder ${saved.latest.codeDir} is gone.`);
      continue;
    }
    const record: FunctionRecord = {
      name: saved.name,
      latest: saved.latest,
      versions: new Map(saved.versions.map((v) => [v.version, v])),
      aliases: new Map(saved.aliases.map((a) => [a.name, a])),
      nextVersion: saved.nextVersion,
    };
    registry.restore(record);
  }
  return problems;
}
