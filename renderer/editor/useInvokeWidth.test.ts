import { describe, expect, it } from 'vitest';
import { invokeWidthFor } from './useInvokeWidth.ts';

describe('invokeWidthFor', () => {
  it('gives the chosen width back once the split has room for it', () => {
    expect(invokeWidthFor(1100, 460)).toBe(460);
    expect(invokeWidthFor(1600, 520)).toBe(520);
  });

  it('leaves the code half of a narrow split', () => {
    expect(invokeWidthFor(700, 460)).toBe(350);
  });
});
