import { describe, expect, it } from 'vitest';
import { trustedUrlCheck } from './trusted-url.ts';

const APP = 'lambda-studio://app';

describe('which pages the window may show', () => {
  it("trusts the app's own pages, and nothing that merely starts like them", () => {
    const trusted = trustedUrlCheck({ appOrigin: APP, packaged: true, devServerUrl: undefined });
    expect(trusted(`${APP}/index.html`)).toBe(true);
    expect(trusted(`${APP}.evil.example/index.html`)).toBe(false);
    expect(trusted('https://example.com/')).toBe(false);
  });

  it('trusts the dev server only in development, by its exact origin', () => {
    const dev = trustedUrlCheck({ appOrigin: APP, packaged: false, devServerUrl: 'http://localhost:5173' });
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev('http://localhost:5173.evil.example/')).toBe(false);
    expect(dev('http://localhost:51730/')).toBe(false);
    expect(dev('http://localhost:5173@evil.example/')).toBe(false);
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    const packaged = trustedUrlCheck({ appOrigin: APP, packaged: true, devServerUrl: 'http://localhost:5173' });
    expect(packaged('http://localhost:5173/')).toBe(false);
  });

  it('ignores a dev server address that is not a URL', () => {
    const dev = trustedUrlCheck({ appOrigin: APP, packaged: false, devServerUrl: 'not a url' });
    expect(dev('not a url/')).toBe(false);
  });
});
