import { build } from 'esbuild';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract/client.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../main/ipc-handler.ts';

/**
 * The preload as Electron's sandbox runs it: one CommonJS file whose only `require` is
 * `electron`. Here `electron` is a recorder of what the preload hands to it.
 */
interface Recorded {
  exposed: Map<string, unknown>;
  invoked: unknown[][];
  ipcListeners: Map<string, (event: unknown, ...args: unknown[]) => void>;
}

let code: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
});

function loadPreload(): { studio: Transport; recorded: Recorded } {
  const recorded: Recorded = { exposed: new Map(), invoked: [], ipcListeners: new Map() };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        recorded.invoked.push(args);
        return { ok: true, value: 'from-main' };
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => recorded.ipcListeners.set(channel, listener),
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    if (name !== 'electron') throw new Error(`the sandboxed preload required "${name}"`);
    return electron;
  };
  runInNewContext(code, { require, module, exports: module.exports, console });
  return { studio: recorded.exposed.get('studio') as Transport, recorded };
}

describe('preload bridge', () => {
  it('needs nothing but electron and exposes exactly invoke and subscribe as window.studio', () => {
    const { studio, recorded } = loadPreload();
    expect([...recorded.exposed.keys()]).toEqual(['studio']);
    expect(Object.keys(studio).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards contract methods on the invoke channel and refuses other names without calling main', async () => {
    const { studio, recorded } = loadPreload();
    expect(await studio.invoke('functions.list', {})).toEqual({ ok: true, value: 'from-main' });
    expect(recorded.invoked).toEqual([[INVOKE_CHANNEL, 'functions.list', {}]]);
    const refused = await studio.invoke('shell.exec', { cmd: 'rm -rf /' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(recorded.invoked).toHaveLength(1);
  });

  it('delivers contract events to their listeners and refuses unknown event names', () => {
    const { studio, recorded } = loadPreload();
    const seen: unknown[] = [];
    const stop = studio.subscribe('workspace.changed', (payload) => seen.push(payload));
    const push = recorded.ipcListeners.get(EVENT_CHANNEL);
    push?.({}, 'workspace.changed', { kind: 'add', path: 'functions/a' });
    push?.({}, 'other.event', { x: 1 });
    stop();
    push?.({}, 'workspace.changed', { kind: 'unlink', path: 'functions/a' });
    expect(seen).toEqual([{ kind: 'add', path: 'functions/a' }]);
    expect(() => studio.subscribe('secrets.leaked', () => {})).toThrow(/no event named/);
  });
});
