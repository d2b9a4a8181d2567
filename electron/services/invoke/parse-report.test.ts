import { describe, expect, it } from 'vitest';
import { parseReportLine } from './parse-report.ts';

describe('parseReportLine', () => {
  it('reads every figure of a cold start', () => {
    const line =
      'REPORT RequestId: 8f5c\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 61 MB\tInit Duration: 140.5 ms';
    expect(parseReportLine(line)).toEqual({
      durationMs: 12.34,
      billedDurationMs: 13,
      memorySizeMb: 256,
      maxMemoryUsedMb: 61,
      initDurationMs: 140.5,
    });
  });

  it('leaves the init duration out on a warm start', () => {
    const report = parseReportLine('REPORT RequestId: a\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB');
    expect(report).toBeDefined();
    expect(report).not.toHaveProperty('initDurationMs');
  });

  it('ignores other lines and incomplete reports', () => {
    expect(parseReportLine('START RequestId: a Version: $LATEST')).toBeUndefined();
    expect(parseReportLine('REPORT RequestId: a\tDuration: 1.00 ms')).toBeUndefined();
  });
});
