import type { Api } from '../../shared/contract/client.ts';

let current: Api | undefined;

/** Set once at start-up, before the first render. */
export function setApi(api: Api): void {
  current = api;
}

/** The connected contract client; stores and hooks call through it. */
export function api(): Api {
  if (current === undefined) throw new Error('The studio is not connected to a host yet.');
  return current;
}
