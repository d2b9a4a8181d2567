import { randomText } from '../random-text.ts';

/** A new X-Ray trace header (`Root=1-<epoch hex>-<96 random bits>;Parent=<64 random bits>;Sampled=0`), so SDKs inside the sandbox propagate it. */
export function newTraceId(now: number = Date.now()): string {
  const time = Math.floor(now / 1000).toString(16).padStart(8, '0');
  return `Root=1-${time}-${randomText(12, 'hex')};Parent=${randomText(8, 'hex')};Sampled=0`;
}
