import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EventHub } from '../services/studio/event-hub.ts';
import type { Dispatch } from '../services/handlers/handler-table.ts';
import { handleApiCall, MAX_BODY_BYTES, sendResult } from './api-routes.ts';
import { hasBearerToken, hasQueryToken } from './auth.ts';
import { createEventsSocket } from './events-socket.ts';
import { createStaticHandler } from './static-files.ts';

/** What the HTTP transport serves. */
export interface StudioHttpOptions {
  dispatch: Dispatch;
  events: EventHub;
  /** Required on every `/api/` request and on the event socket. */
  token: string;
  /** The built renderer (`renderer/dist`). */
  rendererDir: string;
  maxBodyBytes?: number;
  log?: (message: string, error?: unknown) => void;
}

/** The server and how to stop everything it holds open. */
export interface StudioHttpServer {
  server: Server;
  close(): Promise<void>;
}

const EVENTS_PATH = '/api/events';

function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

const unauthorized = {
  ok: false as const,
  error: {
    code: 'UNAUTHORIZED' as const,
    message: 'This request lacks the studio access token. Open the link printed by `serve` (it ends in #token=…).',
  },
};

/** The contract over HTTP (`POST /api/<method>`), events over a WebSocket, and the built UI. */
export function createStudioHttpServer(options: StudioHttpOptions): StudioHttpServer {
  const log = options.log ?? (() => {});
  const serveStatic = createStaticHandler(options.rendererDir);
  const eventsSocket = createEventsSocket(options.events);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = pathOf(request);
    if (!isApiPath(path)) return serveStatic(request, response);
    if (!hasBearerToken(request, options.token)) {
      response.setHeader('www-authenticate', 'Bearer');
      return sendResult(response, unauthorized);
    }
    if (path === EVENTS_PATH) {
      return sendResult(response, {
        ok: false,
        error: { code: 'BAD_INPUT', message: `${EVENTS_PATH} is a WebSocket: connect with ws://…${EVENTS_PATH}?token=….` },
      });
    }
    let method: string;
    try {
      method = decodeURIComponent(path.slice('/api/'.length));
    } catch {
      return sendResult(response, { ok: false, error: { code: 'BAD_INPUT', message: 'The method name in the address is not valid.' } });
    }
    return handleApiCall(request, response, method, options.dispatch, options.maxBodyBytes ?? MAX_BODY_BYTES);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`${request.method} ${pathOf(request)} failed`, error);
      if (!response.headersSent) {
        sendResult(response, { ok: false, error: { code: 'INTERNAL', message: 'The studio server failed to answer this request.' } });
      } else {
        response.destroy();
      }
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOf(request);
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    socket.on('error', () => socket.destroy());
    // Browsers cannot set headers on a WebSocket, so the token comes in the query; other clients may use the header.
    if (isApiPath(path) && !hasQueryToken(request, options.token) && !hasBearerToken(request, options.token)) return refuse('401 Unauthorized');
    if (path !== EVENTS_PATH) return refuse('404 Not Found');
    eventsSocket.handleUpgrade(request, socket, head);
  });

  return {
    server,
    async close() {
      await eventsSocket.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from a browser would otherwise hold the close open.
        server.closeAllConnections();
      });
    },
  };
}
