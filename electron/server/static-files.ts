import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from './web-content.ts';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer from `root`. Paths that are not files get `index.html`, so a
 * reload on any client-side route still opens the app; missing assets (with an extension) 404.
 */
export function createStaticHandler(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Only GET and HEAD are served here.\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The address is not valid.\n');
      return;
    }
    const candidate = normalize(join(root, pathname));
    const inside = candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
    let file = inside && !pathname.includes('\0') ? candidate : join(root, 'index.html');
    if (!(await isFile(file))) {
      if (extname(pathname) !== '' && pathname !== '/index.html') {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`${pathname} is not part of the studio.\n`);
        return;
      }
      file = join(root, 'index.html');
      if (!(await isFile(file))) {
        response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The studio's web interface has not been built (no ${file}). Run \`npm run build:renderer\`, then reload.\n`);
        return;
      }
    }
    const hashed = pathname.startsWith('/assets/') && file !== join(root, 'index.html');
    response.writeHead(200, {
      'content-type': mimeTypeOf(file),
      // Built assets carry a content hash in their name; everything else must always be fresh.
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
}
