import type { Transport } from '../contract/client.ts';
import { WireError, type WireResult } from '../contract/errors.ts';

/** Where `serve` listens and the per-run token it printed. */
export interface HttpTransportOptions {
  /** Origin of the studio server, e.g. `http://127.0.0.1:4700` (a trailing `/` is fine). */
  baseUrl: string;
  token: string;
}

/** Reconnect delays: quick at first, then at most every two seconds, for as long as the page lives. */
const BACKOFF_MS = [250, 500, 1_000, 2_000];

/**
 * A delay between half and all of the step's, so pages that lost the same server do not all
 * come back in the same instant.
 */
function jittered(attempt: number): number {
  const step = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 2_000;
  return Math.round(step * (0.5 + Math.random() * 0.5));
}

/** How long an event socket may take to open before it is given up and tried again. */
const CONNECT_TIMEOUT_MS = 3_000;

/** The HTTP transport, plus signals for its event socket. */
export interface HttpTransport extends Transport {
  /** Resolves once the event socket is open (at once when it already is); subscribe first. */
  connected(): Promise<void>;
  /** Hears every time the event socket opens (true) or closes (false). */
  onConnection(listener: (open: boolean) => void): () => void;
}

type Listener = (payload: unknown) => void;

/**
 * Closes a socket once, however many paths ask. Node's WebSocket fires 'error' from inside close()
 * of a socket still connecting, before its state reads CLOSING, so an 'error' listener that closes
 * would otherwise call close() again from within close() until the stack overflows.
 */
const closing = new WeakSet<WebSocket>();
function closeOnce(socket: WebSocket): void {
  if (closing.has(socket) || socket.readyState === WebSocket.CLOSED) return;
  closing.add(socket);
  socket.close();
}

/**
 * The contract over HTTP (`POST /api/<method>`) and a WebSocket (`/api/events`) for events.
 * Uses only the global `fetch` and `WebSocket`, so the same code runs in a browser and in Node 22.
 * The socket opens on the first subscription, reconnects with backoff while anyone listens,
 * and closes when the last listener leaves.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const listeners = new Map<string, Set<Listener>>();
  let socket: WebSocket | undefined;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let open = false;
  const connectionListeners = new Set<(open: boolean) => void>();
  const setOpen = (value: boolean) => {
    if (open === value) return;
    open = value;
    for (const listener of [...connectionListeners]) listener(value);
  };

  const listenerCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const deliver = (raw: unknown) => {
    if (typeof raw !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One faulty listener must not starve the others of the event.
        console.error(`A listener for "${event}" failed`, error);
      }
    }
  };

  const connect = () => {
    retryTimer = undefined;
    if (socket !== undefined || listenerCount() === 0) return;
    const url = new URL(`${base}/api/events`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', options.token);
    const current = new WebSocket(url.toString());
    socket = current;
    // An upgrade a closing server took in but never answered would hold the socket in CONNECTING
    // for good: give up on it and let 'close' schedule the next try.
    const stuck = setTimeout(() => {
      if (current.readyState === WebSocket.CONNECTING) closeOnce(current);
    }, CONNECT_TIMEOUT_MS);
    current.addEventListener('open', () => {
      clearTimeout(stuck);
      if (socket !== current) return;
      attempt = 0;
      setOpen(true);
    });
    current.addEventListener('message', (message: MessageEvent) => deliver(message.data));
    const ended = () => {
      clearTimeout(stuck);
      if (socket !== current) return;
      socket = undefined;
      setOpen(false);
      if (listenerCount() === 0) return;
      // The server sends every event to every socket, so reconnecting is all "re-subscribing" takes.
      retryTimer = setTimeout(connect, jittered(attempt));
      attempt += 1;
    };
    current.addEventListener('close', ended);
    // Node's WebSocket can report a failed handshake with 'error' and no 'close' after it, so
    // either one ends this socket (the second does nothing).
    current.addEventListener('error', () => {
      ended();
      closeOnce(current);
    });
  };

  const disconnectIfIdle = () => {
    if (listenerCount() > 0) return;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    const current = socket;
    socket = undefined;
    setOpen(false);
    if (current !== undefined) closeOnce(current);
  };

  /** The server answered a call: if the socket is waiting to retry, it need not wait any longer. */
  const reconnectNow = () => {
    if (retryTimer === undefined) return;
    clearTimeout(retryTimer);
    connect();
  };

  return {
    connected() {
      if (open) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const stop = this.onConnection((now) => {
          if (!now) return;
          stop();
          resolve();
        });
      });
    },

    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },

    async invoke(method: string, input: unknown): Promise<WireResult> {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        return unavailable(`The studio server at ${base} cannot be reached`, error);
      }
      reconnectNow();
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        return unavailable(`The studio server answered ${method} with HTTP ${response.status} and no readable result`, error);
      }
      return toWireResult(body, response.status);
    },

    subscribe(event: string, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      if (socket === undefined && retryTimer === undefined) connect();
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(event);
        disconnectIfIdle();
      };
    },
  };
}

function unavailable(message: string, error: unknown): WireResult {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { code: 'UNAVAILABLE', message: `${message}. Is it still running? Start it again with \`npm run serve\`.`, details: reason },
  };
}

function toWireResult(body: unknown, status: number): WireResult {
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    const candidate = body as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
    const error = WireError.safeParse(candidate.error);
    if (candidate.ok === false && error.success) return { ok: false, error: error.data };
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `The studio server sent a result this page does not understand (HTTP ${status}).` },
  };
}
