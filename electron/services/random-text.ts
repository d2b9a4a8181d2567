import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system in blocks: a synchronous randomBytes call costs about
// 10 µs, and an invoke (trace id) or a checkpoint (new token) needs several each.
const BLOCK = 4096;
const pool = Buffer.alloc(BLOCK);
let offset = BLOCK;

/** `bytes` fresh random bytes (at most 4096), written as text; each byte is handed out once. */
export function randomText(bytes: number, encoding: 'hex' | 'base64' | 'base64url'): string {
  if (bytes > BLOCK) throw new RangeError(`at most ${BLOCK} random bytes at a time`);
  if (offset + bytes > BLOCK) {
    randomFillSync(pool);
    offset = 0;
  }
  const text = pool.toString(encoding, offset, offset + bytes);
  offset += bytes;
  return text;
}
