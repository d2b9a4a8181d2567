import { describe, expect, it } from 'vitest';
import { findJsonError } from './json-error.ts';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('findJsonError', () => {
  it('agrees with JSON.parse on every one-character edit of a sample event', () => {
    const sample = '{"order": {"id": "o-1", "items": [1, 2.5, -3e2], "paid": true, "note": null, "tag": "caf\\u00e9\\n"}}';
    const alphabet = ['', '"', ',', '}', ']', '{', '[', ':', '1', 'a', ' ', '\\', '-', '.', 'e', 'n'];
    let checked = 0;
    for (let at = 0; at <= sample.length; at++) {
      for (const c of alphabet) {
        for (const edited of [sample.slice(0, at) + c + sample.slice(at), sample.slice(0, at) + c + sample.slice(at + 1)]) {
          expect(findJsonError(edited) === null, edited).toBe(parses(edited));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('points at the character where the text goes wrong', () => {
    expect(findJsonError('{"a": 1 "b": 2}')).toEqual({ offset: 8, reason: 'expected , or }' });
    expect(findJsonError('')).toEqual({ offset: 0, reason: 'the text ends where a value should be' });
  });
});
