import { describe, expect, it } from 'vitest';
import { createEventHub } from '../services/studio/event-hub.ts';
import { createDispatch, type Handlers } from '../services/handlers/handler-table.ts';
import { createIpcInvokeHandler, EVENT_CHANNEL, forwardEvents } from './ipc-handler.ts';

const appInfo = { version: '1.0.0', workspace: '/w', host: 'electron' as const, platform: 'linux' };
const handlers = { 'app.info': async () => appInfo } as unknown as Handlers;

describe('IPC invoke handler', () => {
  const invoke = createIpcInvokeHandler(createDispatch(handlers));

  it('answers a contract method with its WireResult', async () => {
    expect(await invoke('app.info', {})).toEqual({ ok: true, value: appInfo });
  });

  it('refuses names outside the contract and non-string names, never throwing', async () => {
    expect(await invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await invoke({ toString: () => 'app.info' }, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await invoke('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('event fan-out', () => {
  it('sends every event to a window until it is stopped', () => {
    const hub = createEventHub();
    const sent: unknown[][] = [];
    const stop = forwardEvents(hub, (...args) => sent.push(args));
    hub.emit('workspace.changed', { kind: 'add', path: 'functions/a', functionName: 'a' });
    stop();
    hub.emit('workspace.changed', { kind: 'unlink', path: 'functions/a', functionName: 'a' });
    expect(sent).toEqual([[EVENT_CHANNEL, 'workspace.changed', { kind: 'add', path: 'functions/a', functionName: 'a' }]]);
  });

  it('keeps delivering when one listener throws', () => {
    const errors: unknown[] = [];
    const hub = createEventHub((error) => errors.push(error));
    const received: string[] = [];
    hub.subscribe(() => {
      throw new Error('broken window');
    });
    hub.subscribe((event) => received.push(event));
    hub.emit('workspace.changed', { kind: 'change', path: 'events/x.json' });
    expect(received).toEqual(['workspace.changed']);
    expect(errors).toHaveLength(1);
  });
});
