import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token for one run of the server. */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string | undefined | null, expected: string): boolean {
  if (given === undefined || given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when an API request carries `Authorization: Bearer <token>`. */
export function hasBearerToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return sameToken(match?.[1], token);
}

/** True when a WebSocket upgrade carries `?token=<token>` (browsers cannot set headers on it). */
export function hasQueryToken(request: IncomingMessage, token: string): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  return sameToken(url.searchParams.get('token'), token);
}
