import { net, protocol } from 'electron';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, mimeTypeOf } from '../server/web-content.ts';

/** The page's origin: `studio://app/`. A real origin (not file://) gives the page a CSP header and 'self'. */
export const APP_SCHEME = 'studio';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer under `studio://app/` with the studio's CSP on every response.
 * Unknown paths without an extension get index.html (client-side routes); nothing outside
 * `rendererDir` is ever served.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    const pathname = decodeURIComponent(url.pathname);
    let file = join(rendererDir, pathname === '/' ? 'index.html' : pathname);
    const rel = relative(rendererDir, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return new Response('Not found', { status: 404 });
    let response = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    if ((response === undefined || !response.ok) && !/\.[a-z0-9]+$/i.test(pathname)) {
      file = join(rendererDir, 'index.html');
      response = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    }
    if (response === undefined || !response.ok) return new Response('Not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}
