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
    const alphabet = ['', '"', ',', '}', ']', '{', '[', ':', '1', 'a', ' ', '\\', '-', '.', 'e', 'n', '\u00a0', '/'];
    let checked = 0;
    for (let at = 0; at <= sample.length; at++) {
      for (const c of alphabet) {
        for (const edited of [sample.slice(0, at) + c + sample.slice(at), sample.slice(0, at) + c + sample.slice(at + 1)]) {
          expect(findJsonError(edited) === undefined, edited).toBe(parses(edited));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('agrees with JSON.parse about what is valid', () => {
    for (const text of ['{"a":[1,{"b":null}],"c":"\\u00e9","d":-1.5e3}', ' 3 ', '"x"', '[]', '{}', 'true']) {
      expect(findJsonError(text), text).toBeUndefined();
    }
    for (const text of ['[01]', '[1.]', '"\\q"', '"x', '[1,]', '{"a" 1}', '1 2', '"\u0001"', '// note\n{}', '\u00a0{}']) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(findJsonError(text)?.offset, text).toBeTypeOf('number');
    }
  });

  it('points at the token where the text goes wrong', () => {
    expect(findJsonError('{"a": 1 "b": 2}')).toEqual({ offset: 8, length: 3, line: 1, column: 9, reason: 'expected , or }' });
    expect(findJsonError('')).toEqual({ offset: 0, length: 0, line: 1, column: 1, reason: 'the text ends where a value should be' });
    expect(findJsonError('{ "blocks": [ }')?.offset).toBe(14);
    expect(findJsonError('abc')?.offset).toBe(0);
    expect(findJsonError('{"a":')?.offset).toBe(5);
    expect(findJsonError('[1 2]')?.reason).toBe('expected , or ]');
    expect(findJsonError('{\n  "a": 1,\n  "b": }')).toMatchObject({ line: 3, column: 8 });
  });

  it('places a misspelt literal at the start of the word, spanning it', () => {
    expect(findJsonError('{"a": tru}')).toEqual({ offset: 6, length: 3, line: 1, column: 7, reason: 'expected a value' });
    expect(findJsonError('[nul]')).toMatchObject({ offset: 1, length: 3 });
  });

  it('names the mistakes people make most', () => {
    const reason = (text: string) => findJsonError(text)?.reason;
    expect(reason('{"a": 1,}')).toBe('a trailing comma before }');
    expect(reason('[1, 2,]')).toBe('a trailing comma before ]');
    expect(reason("{'a': 1}")).toBe('expected a property name in double quotes');
    expect(reason("{\"a\": 'x'}")).toBe('strings need double quotes');
    expect(reason('{"a": "x}')).toBe('a string is not closed');
    expect(reason('[1, 2] 3')).toBe('unexpected text after the end of the JSON value');
    expect(reason('1 abc')).toBe('unexpected text after the end of the JSON value');
    expect(reason('{"a": [1')).toBe('the text ends before the array is closed with ]');
    expect(reason('{"a": 1')).toBe('the text ends before the object is closed with }');
    expect(reason('{"a" 1}')).toBe('expected : after the property name');
    expect(reason('{} // note')).toBe('JSON has no comments');
  });
});
