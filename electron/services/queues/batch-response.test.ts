import { describe, expect, it } from 'vitest';
import { readBatchResponse } from './batch-response.ts';

const ids = ['a', 'b', 'c'];

describe('reading a batch response as Lambda does with ReportBatchItemFailures', () => {
  it('takes no answer, null, {} and an empty or null list as a success for the whole batch', () => {
    for (const payload of ['', 'null', '{}', '{"batchItemFailures":[]}', '{"batchItemFailures":null}', '"done"', '42']) {
      expect(readBatchResponse(payload, ids, true)).toEqual({ kind: 'succeeded' });
    }
  });

  it('fails only the items named, once each', () => {
    expect(readBatchResponse('{"batchItemFailures":[{"itemIdentifier":"b"},{"itemIdentifier":"c"},{"itemIdentifier":"b"}]}', ids, true)).toEqual({ kind: 'partial', failed: ['b', 'c'] });
  });

  it('fails the whole batch on an answer it cannot read', () => {
    expect(readBatchResponse('{not json', ids, true)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/not JSON/) });
    expect(readBatchResponse('{"batchItemFailures":[{"itemIdentifier":""}]}', ids, true)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/no itemIdentifier/) });
    expect(readBatchResponse('{"batchItemFailures":[{"id":"a"}]}', ids, true)).toMatchObject({ kind: 'failed' });
    expect(readBatchResponse('{"batchItemFailures":[{"itemIdentifier":"z"}]}', ids, true)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/z names no message/) });
    expect(readBatchResponse('{"batchItemFailures":"b"}', ids, true)).toMatchObject({ kind: 'failed' });
  });

  it('ignores batchItemFailures when the setting is off, as a mapping without ReportBatchItemFailures does', () => {
    expect(readBatchResponse('{"batchItemFailures":[{"itemIdentifier":"b"}]}', ids, false)).toEqual({ kind: 'succeeded' });
  });
});
