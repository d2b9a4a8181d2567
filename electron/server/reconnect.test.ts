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
    const changes: WorkspaceChanged[] = [];
    const stop = transport.subscribe('workspace.changed', (payload) => changes.push(payload as WorkspaceChanged));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.close();

      const down = await transport.invoke('functions.list', {});
      expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(!down.ok && down.error.message).toMatch(/cannot be reached/);

      server = await startStudioServer({ workspaceDir, port, token });
      expect(await transport.invoke('functions.list', {})).toEqual({ ok: true, value: [] });
      // The socket comes back on its own (backoff starts at a quarter second).
      await expect
        .poll(
          async () => {
            await writeFile(join(workspaceDir, 'events', `probe-${Date.now()}.json`), '{}');
            await new Promise((resolve) => setTimeout(resolve, 250));
            return changes.some((change) => change.path.startsWith('events/probe-'));
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe(true);
    } finally {
      stop();
      await server.close();
    }
  });
});
