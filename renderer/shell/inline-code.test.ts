import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './inline-code.ts';

describe('splitInlineCode', () => {
  it('turns backtick spans into code parts', () => {
    expect(splitInlineCode('Start it with `sudo systemctl start docker` (or run `dockerd`).')).toEqual([
      { text: 'Start it with ', code: false },
      { text: 'sudo systemctl start docker', code: true },
      { text: ' (or run ', code: false },
      { text: 'dockerd', code: true },
      { text: ').', code: false },
    ]);
  });

  it('leaves text without a pair of backticks as it is', () => {
    expect(splitInlineCode('plain')).toEqual([{ text: 'plain', code: false }]);
    expect(splitInlineCode('one ` alone')).toEqual([{ text: 'one ` alone', code: false }]);
    expect(splitInlineCode('')).toEqual([]);
  });
});
