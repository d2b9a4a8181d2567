import { describe, expect, it } from 'vitest';
import { jsonProblem, prettyPayload } from './json-text.ts';

describe('prettyPayload', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(prettyPayload('{"a":1}')).toEqual({ text: '{\n  "a": 1\n}', json: true });
    expect(prettyPayload('not json')).toEqual({ text: 'not json', json: false });
    expect(prettyPayload(undefined)).toEqual({ text: '', json: false });
  });
});

describe('jsonProblem', () => {
  it('accepts any JSON value', () => {
    expect(jsonProblem('{"approved": true}')).toBeUndefined();
    expect(jsonProblem('"yes"')).toBeUndefined();
  });
  it('asks for something when empty', () => {
    expect(jsonProblem('  ')).toMatch(/Enter a JSON value/);
  });
  it('says where the mistake is', () => {
    expect(jsonProblem('{\n  "a": 1,\n}')).toMatch(/^Not valid JSON at line 3, column 1: Expected double-quoted property name$/);
    expect(jsonProblem('{"approved": tru}')).toMatch(/^Not valid JSON: /);
  });
});
