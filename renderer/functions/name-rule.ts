import { FunctionName } from '../../shared/workspace/function-config.ts';

/** Why a function name cannot be used, in a few words, or undefined when it can. */
export function nameProblem(name: string, existing: readonly string[], current?: string): string | undefined {
  const parsed = FunctionName.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid name';
  if (name !== current && existing.some((other) => other.toLowerCase() === name.toLowerCase())) return 'a function with this name already exists';
  return undefined;
}
