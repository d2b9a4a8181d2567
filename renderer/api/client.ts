import { createApi, type Api, type Transport } from '../../shared/contract/client.ts';
import { createHttpTransport } from '../../shared/transport/http-transport.ts';
import { hashWithoutToken, resolveToken } from './token.ts';

/** Thrown when the page was opened without the token `serve` printed. */
export class MissingTokenError extends Error {
  readonly details: string;

  constructor() {
    super('This page needs the access link printed by `serve` (it ends in #token=…). Open that link again.');
    this.name = 'MissingTokenError';
    this.details = 'Start the studio with `npm run serve`; it prints one line like {"ui":"http://127.0.0.1:4700/#token=…"} and opens that address. The token keeps other pages and programs on this machine out.';
  }
}

function browserTransport(): Transport {
  const token = resolveToken(location.hash, sessionStorage);
  // Keep the token out of the address bar, screenshots and the history.
  if (location.hash.includes('token=')) {
    history.replaceState(null, '', `${location.pathname}${location.search}${hashWithoutToken(location.hash)}`);
  }
  if (token === undefined) throw new MissingTokenError();
  return createHttpTransport({ baseUrl: location.origin, token });
}

/** The desktop app's bridge when there is one, otherwise HTTP to `serve`. */
export function connect(): Api {
  return createApi(window.studio ?? browserTransport());
}
