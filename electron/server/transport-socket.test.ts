import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../shared/transport/http-transport.ts';

/** Node's own WebSocket, counting how often the transport closes each socket. */
const sockets: CountedWebSocket[] = [];
class CountedWebSocket extends WebSocket {
  closeCalls = 0;
  errors = 0;
  constructor(url: string | URL) {
    super(url);
    sockets.push(this);
    this.addEventListener('error', () => (this.errors += 1));
  }
  override close(code?: number, reason?: string): void {
    this.closeCalls += 1;
    // Past a few calls the transport is looping: stop it here rather than overflow the stack.
    if (this.closeCalls > 5) throw new Error(`close() called ${this.closeCalls} times on one socket`);
    super.close(code, reason);
  }
}

/** A port nothing listens on: taken, then freed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sockets.length = 0;
});

describe('the HTTP transport event socket (Node)', () => {
  // Node's WebSocket fires 'error' from inside close() while still connecting, before it reads
  // CLOSING: closing again from that listener looped until the stack overflowed.
  it('closes a socket still connecting once when its last listener leaves', async () => {
    vi.stubGlobal('WebSocket', CountedWebSocket);
    const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${await closedPort()}`, token: 't' });
    const stop = transport.subscribe('workspace.changed', () => undefined);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.readyState).toBe(WebSocket.CONNECTING);
    stop();
    expect(sockets[0]!.closeCalls).toBe(1);
  });

  it('closes a socket whose handshake failed once, and tries again', async () => {
    vi.stubGlobal('WebSocket', CountedWebSocket);
    const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${await closedPort()}`, token: 't' });
    const stop = transport.subscribe('workspace.changed', () => undefined);
    try {
      await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(sockets[0]!.errors).toBeGreaterThanOrEqual(1);
      expect(sockets[0]!.closeCalls).toBeLessThanOrEqual(1);
    } finally {
      stop();
    }
  });
});
