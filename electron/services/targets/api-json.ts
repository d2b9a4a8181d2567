/**
 * The SDK turns the Lambda API's epoch-second timestamps into Dates; the execution viewer and
 * exported history files carry the API's own JSON. This puts the numbers back (milliseconds kept
 * as fractions) and drops the SDK's `$metadata`, so AWS replies look exactly like the local
 * service's.
 */
export function toApiJson(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toApiJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$metadata' || inner === undefined) continue;
      out[key] = toApiJson(inner);
    }
    return out;
  }
  return value;
}
