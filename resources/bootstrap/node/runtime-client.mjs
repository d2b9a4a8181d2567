// A minimal HTTP/1.1 client for the Lambda Runtime API: one keep-alive socket, one request at a
// time, responses framed by Content-Length (the Runtime API always sends it). The runtime's loop
// is strictly sequential, and node:http's general client costs about a tenth of a millisecond
// per request on top of the socket, which is most of what a warm invoke's round trip adds.
// The socket holds the event loop open only while a request is in flight: between requests it
// must not, or a callback handler waiting for an empty event loop (the default) waits for ever.
import net from 'node:net';

const HEADER_END = Buffer.from('\r\n\r\n');

export function createRuntimeClient(host, port) {
  let socket;
  let buffer = Buffer.alloc(0);
  let pending; // { resolve, reject } of the request in flight

  const fail = (error) => {
    const waiter = pending;
    pending = undefined;
    socket?.destroy();
    socket = undefined;
    buffer = Buffer.alloc(0);
    waiter?.reject(error);
  };

  // Parses one response from the buffer when it is complete.
  const take = () => {
    if (pending === undefined) return;
    const end = buffer.indexOf(HEADER_END);
    if (end === -1) return;
    const lines = buffer.toString('latin1', 0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length']);
    if (!Number.isFinite(status) || !Number.isInteger(length) || length < 0) {
      fail(new Error(`Runtime API sent a response this runtime cannot read: ${lines[0] ?? ''}`));
      return;
    }
    const bodyStart = end + HEADER_END.length;
    if (buffer.length < bodyStart + length) return;
    const body = Buffer.from(buffer.subarray(bodyStart, bodyStart + length));
    buffer = buffer.subarray(bodyStart + length);
    const waiter = pending;
    pending = undefined;
    socket?.unref();
    waiter.resolve({ status, headers, body });
  };

  const connect = () =>
    new Promise((resolve, reject) => {
      const s = net.connect({ host, port, noDelay: true });
      s.once('connect', () => {
        s.off('error', reject);
        s.on('error', fail);
        s.on('close', () => {
          if (socket === s) fail(new Error('Runtime API closed the connection'));
        });
        resolve(s);
      });
      s.once('error', reject);
      s.on('data', (chunk) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        take();
      });
    });

  return {
    async request(method, path, body, headers = {}) {
      if (pending !== undefined) throw new Error('Runtime API requests must not overlap');
      socket ??= await connect();
      socket.ref();
      const payload = body === undefined ? undefined : Buffer.from(body);
      let head = `${method} ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\n`;
      // Values can come from user code (an error's name): only printable ASCII goes on the wire,
      // so no value can end the header or break the framing.
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${String(value).replace(/[^\x20-\x7e]/g, '?')}\r\n`;
      head += `Content-Length: ${payload?.length ?? 0}\r\n\r\n`;
      const response = new Promise((resolve, reject) => {
        pending = { resolve, reject };
      });
      // Head and body leave in one write.
      socket.cork();
      socket.write(head);
      if (payload !== undefined && payload.length > 0) socket.write(payload);
      socket.uncork();
      return response;
    },
  };
}
