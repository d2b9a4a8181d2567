import type { InvokeReport } from '../../../shared/contract/invoke.ts';

const figure = (line: string, label: string): number | undefined => {
  const match = new RegExp(`${label}: ([0-9.]+)`).exec(line);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/**
 * Reads the figures of a Lambda `REPORT RequestId: ...` log line, the same line the
 * cloud writes, so figures from a local run and from AWS logs are read one way.
 */
export function parseReportLine(line: string): InvokeReport | undefined {
  if (!line.startsWith('REPORT ')) return undefined;
  const durationMs = figure(line, 'Duration');
  const billedDurationMs = figure(line, 'Billed Duration');
  const memorySizeMb = figure(line, 'Memory Size');
  const maxMemoryUsedMb = figure(line, 'Max Memory Used');
  if (durationMs === undefined || billedDurationMs === undefined || memorySizeMb === undefined || maxMemoryUsedMb === undefined) {
    return undefined;
  }
  const initDurationMs = figure(line, 'Init Duration');
  return initDurationMs === undefined
    ? { durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb }
    : { durationMs, billedDurationMs, memorySizeMb, maxMemoryUsedMb, initDurationMs };
}
