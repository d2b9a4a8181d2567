import { describe, expect, it } from 'vitest';
import { configToText, parseConfigText } from './config-text.ts';

describe('function.json text', () => {
  it('parses a valid file and fills defaults', () => {
    const result = parseConfigText('{"runtime":"nodejs22.x","handler":"index.handler"}');
    expect(result.ok && result.config.memorySize).toBe(128);
  });

  it('explains broken JSON and bad values without throwing', () => {
    const broken = parseConfigText('{ "runtime": ');
    expect(!broken.ok && broken.error).toMatch(/not valid JSON/);
    const bad = parseConfigText('{"runtime":"nodejs22.x","handler":"index.handler","memorySize":"lots"}');
    expect(!bad.ok && bad.error).toMatch(/memorySize/);
  });

  it('writes readable JSON that parses back to the same config', () => {
    const first = parseConfigText('{"runtime":"python3.13","handler":"app.main","timeout":30}');
    if (!first.ok) throw new Error(first.error);
    const again = parseConfigText(configToText(first.config));
    expect(again).toEqual(first);
    expect(configToText(first.config).endsWith('}\n')).toBe(true);
  });
});
