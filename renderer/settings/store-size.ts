/** A database size as people read it: `812 KB`, `14.2 MB`, `1.3 GB`. */
export function storeSize(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** `1 finished execution`, `12,345 finished executions`. */
export function executionsText(count: number, kind: string): string {
  return `${count.toLocaleString('en')} ${kind} execution${count === 1 ? '' : 's'}`;
}
