import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../shared/contract/errors.ts';
import { contract } from '../../../shared/contract/index.ts';
import { createDispatch, type Handlers } from './handler-table.ts';
import { startStudioServices, type StudioServices } from '../studio/studio-services.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let services: StudioServices;
let handlers: Handlers;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-dispatch-'));
  services = await startStudioServices({
    workspaceDir: dir,
    host: 'serve',
    version: '1.2.3',
    resourcesDir: join(root, 'resources'),
    nodeModulesDir: join(root, 'node_modules'),
  });
  handlers = services.handlers;
});

afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('handler table', () => {
  it('implements every method of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('dispatch', () => {
  it('answers a valid call with the validated value', async () => {
    const dispatch = createDispatch(handlers);
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: { version: '1.2.3', workspace: dir, host: 'serve', platform: process.platform } });
    const templates = await dispatch('templates.list', undefined);
    expect(templates.ok && (templates.value as unknown[]).length).toBe(5);
  });

  it('refuses an unknown method by name', async () => {
    const result = await createDispatch(handlers)('functions.format', {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'There is no method named "functions.format".' } });
  });

  it('refuses bad input with the paths of every problem', async () => {
    const result = await createDispatch(handlers)('functions.create', { name: 'bad name!', template: 'cobol', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect(result.error.details).toMatch(/^name: letters, digits, - and _ only$/m);
    expect(result.error.details).toMatch(/^template: /m);
    expect(result.error.details).toMatch(/extra/);
  });

  it('turns a StudioError into its code and keeps the message', async () => {
    const result = await createDispatch(handlers)('functions.get', { name: 'missing' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no function "missing" in this workspace.' } });
  });

  it('reports a result outside the contract as INTERNAL instead of passing it on', async () => {
    const logged: string[] = [];
    const broken = { ...handlers, 'app.info': async () => ({ version: 7 }) } as unknown as Handlers;
    const result = await createDispatch(broken, (message) => logged.push(message))('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'app.info returned an unexpected result.' } });
    expect(logged).toEqual(['app.info returned a value outside the contract']);
  });

  it('wraps an unexpected exception as INTERNAL with the stack folded into details', async () => {
    const broken: Handlers = {
      ...handlers,
      'functions.list': async () => {
        throw new Error('disk on fire');
      },
      'functions.delete': async () => {
        throw new StudioError('CONFLICT', 'busy', 'try later');
      },
    };
    const dispatch = createDispatch(broken);
    const failed = await dispatch('functions.list', {});
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'functions.list failed: disk on fire' } });
    expect(!failed.ok && failed.error.details).toMatch(/disk on fire/);
    expect(await dispatch('functions.delete', { name: 'x' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'busy', details: 'try later' } });
  });
});
