/** What decides which pages the studio's window may navigate to. */
export interface TrustedUrlOptions {
  /** The app's own scheme and host, `<scheme>://app`. */
  appOrigin: string;
  /** A packaged app loads only its own files, whatever its environment says. */
  packaged: boolean;
  /** electron-vite's dev server (`ELECTRON_RENDERER_URL`), honoured only in development. */
  devServerUrl: string | undefined;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The address the window opens first: the dev server in development, else the app's own page. */
export function devServerOf(options: TrustedUrlOptions): string | undefined {
  return options.packaged || options.devServerUrl === undefined || originOf(options.devServerUrl) === undefined ? undefined : options.devServerUrl;
}

/**
 * A check of a navigation's URL: the app's own pages, and in development the dev server's
 * origin, compared whole (a prefix would let `http://localhost:5173.evil.example` through).
 */
export function trustedUrlCheck(options: TrustedUrlOptions): (url: string) => boolean {
  const devServer = devServerOf(options);
  const devOrigin = devServer === undefined ? undefined : originOf(devServer);
  return (url) => url.startsWith(`${options.appOrigin}/`) || (devOrigin !== undefined && originOf(url) === devOrigin);
}
