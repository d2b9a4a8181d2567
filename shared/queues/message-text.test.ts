import { describe, expect, it } from 'vitest';
import { messageBodies } from './message-text.ts';

describe('the messages a text stands for', () => {
  it('sends each item of a JSON array as a message, strings as they are', () => {
    expect(messageBodies('[{"a":1}, "plain", 3]', true)).toEqual(['{"a":1}', 'plain', '3']);
  });

  it('keeps the text as one message otherwise', () => {
    expect(messageBodies('[{"a":1}]', false)).toEqual(['[{"a":1}]']);
    expect(messageBodies('{"a":1}', true)).toEqual(['{"a":1}']);
    expect(messageBodies('not json', true)).toEqual(['not json']);
  });
});
