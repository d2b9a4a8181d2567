/** Lambda's error document for a failure the host detected (timeout, crash, out of memory). */
export function failureDocument(type: string, requestId: string | undefined, message: string): { type: string; body: Buffer } {
  const errorMessage = requestId === undefined ? message : `RequestId: ${requestId} Error: ${message}`;
  return { type, body: Buffer.from(JSON.stringify({ errorType: type, errorMessage })) };
}

/** The REPORT line exactly as Lambda writes it (tab-separated figures). */
export function reportLine(
  requestId: string,
  memorySizeMb: number,
  figures: { durationMs: number; billedDurationMs: number; maxMemoryUsedMb: number; initDurationMs?: number },
  status?: string,
): string {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${figures.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${figures.billedDurationMs} ms`,
    `Memory Size: ${memorySizeMb} MB`,
    `Max Memory Used: ${figures.maxMemoryUsedMb} MB`,
  ];
  if (figures.initDurationMs !== undefined) parts.push(`Init Duration: ${figures.initDurationMs.toFixed(2)} ms`);
  if (status !== undefined) parts.push(`Status: ${status}`);
  return parts.join('\t');
}
