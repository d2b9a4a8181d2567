import { describe, expect, it } from 'vitest';
import { executionTitle, inputPreview, isGivenName } from './execution-label.ts';

describe('execution labels', () => {
  it('names an execution by its given name, else by the start of its input', () => {
    expect(executionTitle('order-A-17', '{"orderId": "A-17"}')).toBe('order-A-17');
    expect(executionTitle('3f0c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', '{\n  "orderId": "A-17",\n  "amount": 42.5\n}')).toBe('{"orderId":"A-17","amount":42.5}');
    expect(executionTitle('3f0c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', undefined)).toBe('3f0c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f');
    expect(isGivenName('3F0C2B7E-1D2A-4C3B-9E8F-0A1B2C3D4E5F')).toBe(false);
  });

  it('cuts a long input and keeps text that is not JSON on one line', () => {
    expect(inputPreview(JSON.stringify({ text: 'x'.repeat(100) }), 20)).toBe('{"text":"xxxxxxxxxx…');
    expect(inputPreview('not\n json')).toBe('not json');
    expect(inputPreview('  ')).toBeUndefined();
  });
});
