import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceChanged } from '../../shared/contract/events.ts';
import { createHttpTransport } from '../../shared/transport/http-transport.ts';
import { startStudioServer, type StudioServer } from './serve.ts';

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'studio-reconnect-'));
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('HTTP transport across a server restart', () => {
  it('reports UNAVAILABLE while the server is down and gets events again once it is back', async () => {
    const workspaceDir = join(temp, 'ws');
    const token = 'fixed-token-for-this-test-0123456789';
    let server: StudioServer = await startStudioServer({ workspaceDir, port: 0, token });
    const port = server.port;
    const transport = createHttpTransport({ baseUrl: server.origin, token });
    const probes = new Map<string, () => void>();
    const stop = transport.subscribe('workspace.changed', (payload) => probes.get((payload as WorkspaceChanged).path)?.());
    /** Writes a file and resolves when its change event arrives. */
    const probe = async (name: string) => {
      const seen = new Promise<void>((resolve) => probes.set(`events/${name}`, resolve));
      await writeFile(join(workspaceDir, 'events', name), '{}');
      await seen;
    };
    try {
      await transport.connected();
      await probe('before.json');
      const closed = new Promise<void>((resolve) => {
        const off = transport.onConnection((open) => {
          if (open) return;
          off();
          resolve();
        });
      });
      await server.close();
      await closed;

      const down = await transport.invoke('functions.list', {});
      expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(!down.ok && down.error.message).toMatch(/cannot be reached/);

      server = await startStudioServer({ workspaceDir, port, token });
      // A call the server answers tells the transport to reconnect without waiting out its backoff.
      expect(await transport.invoke('functions.list', {})).toEqual({ ok: true, value: [] });
      await transport.connected();
      await probe('after.json');
    } finally {
      stop();
      await server.close();
    }
  });
});
