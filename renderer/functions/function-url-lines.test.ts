import { describe, expect, it } from 'vitest';
import { curlLine, functionUrl } from './function-url-lines.ts';

describe('function URL lines', () => {
  it('puts the function under the one origin, with a trailing slash', () => {
    expect(functionUrl('http://127.0.0.1:4710', 'orders')).toBe('http://127.0.0.1:4710/orders/');
    expect(functionUrl('http://127.0.0.1:4710/', 'my_fn-2')).toBe('http://127.0.0.1:4710/my_fn-2/');
  });

  it('writes a curl line a shell runs as it is', () => {
    expect(curlLine('http://127.0.0.1:4710/orders/')).toBe(`curl -i -X POST 'http://127.0.0.1:4710/orders/' -H 'content-type: application/json' -d '{"hello":"world"}'`);
  });
});
