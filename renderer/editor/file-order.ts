import type { FunctionDetail } from '../../shared/contract/functions.ts';

export const CONFIG_FILE = 'function.json';

const TEXT_FILE = /\.(ts|mts|cts|tsx|js|mjs|cjs|jsx|json|py|md|txt|yaml|yml|toml|env|sh)$|^[^.]+$/;

/** Files worth opening in the editor (and so checked for problems): text, outside node_modules. */
export function isEditable(path: string): boolean {
  return !path.split('/').includes('node_modules') && TEXT_FILE.test(path);
}

/** The tabs of a function: the handler's file first, other sources by name, function.json last. */
export function orderFiles(detail: Pick<FunctionDetail, 'files' | 'config'>): string[] {
  const handlerFile = detail.config?.handler.replace(/\.[^.]+$/, '');
  const stem = (f: string): string => f.replace(/\.[^.]+$/, '');
  const rank = (f: string): number => (handlerFile !== undefined && stem(f) === handlerFile ? 0 : 1);
  const sources = detail.files.filter((f) => f !== CONFIG_FILE && isEditable(f));
  sources.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return [...sources, CONFIG_FILE];
}
