import { describe, expect, it } from 'vitest';
import { logsByOperation } from './log-lines.ts';

describe('logsByOperation', () => {
  it('groups lines by operation, marks later attempts, and leaves lines outside operations out', () => {
    const grouped = logsByOperation([
      { timestamp: '2026-01-01T12:00:01.250Z', level: 'INFO', message: 'top level' },
      { timestamp: '2026-01-01T12:00:01.300Z', level: 'WARN', message: 'first try', operationId: 'p', attempt: 1 },
      { timestamp: '2026-01-01T12:00:03.300Z', level: 'ERROR', message: 'second try', operationId: 'p', attempt: 2 },
      { timestamp: '2026-01-01T12:00:04.000Z', level: 'INFO', message: 'other', operationId: 'q' },
    ]);
    expect([...grouped.keys()]).toEqual(['p', 'q']);
    expect(grouped.get('p')).toEqual(['12:00:01.300 WARN  first try', '12:00:03.300 ERROR #2 second try']);
  });
});
