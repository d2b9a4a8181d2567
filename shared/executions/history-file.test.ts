import { describe, expect, it } from 'vitest';
import { HistoryFileError, parseHistoryFile } from './history-file.ts';

const started = { EventType: 'ExecutionStarted', EventId: 1, EventTimestamp: 1_700_000_000.5, Id: 'x', ExecutionStartedDetails: { Input: { Payload: '{}' } } };

describe('parseHistoryFile', () => {
  it('reads the API response shape and keeps unknown members', () => {
    const file = parseHistoryFile(JSON.stringify({ Events: [started, { EventType: 'SomethingNew', EventTimestamp: '2026-01-01T00:00:00Z', Extra: 1 }] }));
    expect(file.events).toHaveLength(2);
    expect(file.events[1]).toMatchObject({ EventType: 'SomethingNew', Extra: 1 });
  });

  it('reads a bare array of events', () => {
    expect(parseHistoryFile(JSON.stringify([started])).events[0]?.EventId).toBe(1);
  });

  it('refuses what is not a history, saying what it expected', () => {
    expect(() => parseHistoryFile('{nope')).toThrow(/^The file is not JSON/);
    expect(() => parseHistoryFile('{"Functions": []}')).toThrow(HistoryFileError);
    expect(() => parseHistoryFile('{"Events": []}')).toThrow('The history has no events.');
    expect(() => parseHistoryFile(JSON.stringify({ Events: [started, { EventTimestamp: 1 }] }))).toThrow(/^Event 2 is not a history event \(EventType\)/);
  });
});
