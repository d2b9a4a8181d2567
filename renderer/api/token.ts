/** Where the `serve` token is kept so a reload of the page still works. */
export const TOKEN_STORAGE_KEY = 'lambda-studio.token';

/** The few members of `Storage` the token needs; sessionStorage in the app, a map in tests. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads `token` from a URL hash such as `#token=abc&x=1`; undefined when absent or empty. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token === null || token === '' ? undefined : token;
}

/** The hash with `token` removed, so it no longer shows in the address bar or in history. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete('token');
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}

/**
 * The token for this page: a fresh one from the hash wins and is remembered for reloads;
 * otherwise the one remembered earlier in this tab.
 */
export function resolveToken(hash: string, storage: TokenStorage): string | undefined {
  const fresh = tokenFromHash(hash);
  if (fresh !== undefined) {
    storage.setItem(TOKEN_STORAGE_KEY, fresh);
    return fresh;
  }
  return storage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}
