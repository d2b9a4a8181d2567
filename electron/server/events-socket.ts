import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventHub } from '../services/studio/event-hub.ts';

/** How often idle sockets are pinged, so dead peers are noticed and dropped. */
const HEARTBEAT_MS = 30_000;

/** The event WebSocket: every contract event goes to every connected client as `{event, payload}`. */
export interface EventsSocket {
  /** Completes an upgrade the caller has already authenticated. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function createEventsSocket(events: EventHub): EventsSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();

  const unsubscribe = events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of server.clients) {
      if (client.readyState === client.OPEN) client.send(message);
    }
  });

  server.on('connection', (client) => {
    alive.set(client, true);
    client.on('pong', () => alive.set(client, true));
    // Clients only listen; anything they send is ignored.
    client.on('error', () => client.terminate());
  });

  const heartbeat = setInterval(() => {
    for (const client of server.clients) {
      if (alive.get(client) === false) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
