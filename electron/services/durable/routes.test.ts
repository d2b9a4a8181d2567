import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LambdaApiError, type ApiResponse } from '../lambda/api-types.ts';
import type { SandboxInvoker } from '../lambda/durable-hooks.ts';
import { createDurableEngine, type DurableEngine } from './engine.ts';
import { insertExecution } from './lifecycle.ts';

/**
 * The engine's routes called directly with parsed requests, as the Lambda server hands
 * them over. The engine is never started, so no sandbox runs: an invocation "in flight" is
 * simulated by giving the execution a current checkpoint token.
 */
const noSandboxes: SandboxInvoker = {
  invokeSandbox: () => Promise.reject(new Error('no sandbox in this test')),
  durableConfigOf: (name) =>
    name === 'fn' ? Promise.resolve({ executionTimeout: 60, retentionPeriodInDays: 1 }) : Promise.reject(new LambdaApiError(404, 'ResourceNotFoundException', `Function not found: ${name}`)),
  versionOf: () => Promise.resolve('$LATEST'),
};
let engine: DurableEngine;
let now = 1_700_000_000_000;
const engines: DurableEngine[] = [];

beforeEach(() => {
  engine = createDurableEngine({ dbPath: join(mkdtempSync(join(tmpdir(), 'durable-routes-')), 'd.db'), invoker: noSandboxes, region: 'us-east-1', accountId: '000000000000', clock: { now: () => now } });
  engines.push(engine);
});
afterAll(() => {
  for (const e of engines) e.close();
});

async function call(method: string, path: string, options: { body?: unknown; query?: Record<string, string | string[]> } = {}): Promise<ApiResponse> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
  const body = options.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(options.body) ? options.body : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  for (const route of engine.routes) {
    const m = route.path.exec(path);
    if (m === null || route.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = v;
    return route.handle({ method, path, query, headers: {}, body }, params);
  }
  throw new Error(`no route for ${method} ${path}`);
}

async function fails(p: Promise<unknown>, type: string, status: number): Promise<string> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(LambdaApiError);
  expect((error as LambdaApiError).type).toBe(type);
  expect((error as LambdaApiError).status).toBe(status);
  return (error as LambdaApiError).message;
}

function running(token = 'dG9rZW4x'): string {
  const { execution } = insertExecution(engine.store, { region: 'us-east-1', accountId: '000000000000', functionName: 'fn', version: '$LATEST', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:fn', input: '{}', timeoutSeconds: 60, retentionDays: 1 }, now);
  engine.store.updateExecution(execution.arn, { token, invocationId: 'req-1', invocationStartMs: now });
  return execution.arn;
}

const checkpoint = (arn: string, body: unknown) => call('POST', `/2025-12-01/durable-executions/${arn}/checkpoint`, { body });
const snapshot = (arn: string) => ({ ops: engine.store.operations(arn), events: engine.store.lastEventId(arn), timers: engine.store.timersOf(arn) });
const parse = (r: ApiResponse) => JSON.parse(String(r.body)) as { CheckpointToken?: string; NewExecutionState: { Operations: Array<Record<string, unknown>> } };

describe('CheckpointDurableExecution', () => {
  it('applies updates, rotates the token and rejects the old one', async () => {
    const arn = running();
    const r = parse(await checkpoint(arn, { CheckpointToken: 'dG9rZW4x', ClientToken: 'c1', Updates: [{ Id: 'a1', Type: 'WAIT', Action: 'START', Name: 'w', SubType: 'Wait', WaitOptions: { WaitSeconds: 5 } }] }));
    expect(r.CheckpointToken).not.toBe('dG9rZW4x');
    const wait = r.NewExecutionState.Operations.find((o) => o['Id'] === 'a1');
    expect(wait).toMatchObject({ Type: 'WAIT', Status: 'STARTED', WaitDetails: { ScheduledEndTimestamp: (now + 5000) / 1000 } });
    expect(await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [] }), 'InvalidParameterValueException', 400)).toBe('Invalid Checkpoint Token');
    // The same request again (client retry) returns the first answer and applies nothing twice.
    const before = snapshot(arn);
    const replay = parse(await checkpoint(arn, { CheckpointToken: 'dG9rZW4x', ClientToken: 'c1', Updates: [{ Id: 'a1', Type: 'WAIT', Action: 'START', WaitOptions: { WaitSeconds: 5 } }] }));
    expect(replay).toEqual(r);
    expect(snapshot(arn)).toEqual(before);
    const next = parse(await checkpoint(arn, { CheckpointToken: r.CheckpointToken, Updates: [] }));
    expect(next.NewExecutionState.Operations).toEqual([]);
  });

  it('rejects bad input and changes nothing', async () => {
    const arn = running();
    const before = snapshot(arn);
    await fails(checkpoint(arn, '{not json'), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { Updates: [] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: 'forged', Updates: [] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 'bad id!', Type: 'STEP', Action: 'START' }] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 'x', Type: 'NOPE', Action: 'START' }] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 's', Type: 'STEP', Action: 'SUCCEED', Payload: 'x'.repeat(6_291_457) }] }), 'InvalidParameterValueException', 400);
    // The first update is valid, the second is not: neither is applied.
    const msg = await fails(
      checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 's1', Type: 'STEP', Action: 'START' }, { Id: 'w1', Type: 'WAIT', Action: 'CANCEL' }] }),
      'InvalidParameterValueException',
      400,
    );
    expect(msg).toMatch(/WAIT/);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 's2', Type: 'STEP', Action: 'RETRY' }] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 'c', Type: 'STEP', Action: 'START', ParentId: 'nosuchctx' }] }), 'InvalidParameterValueException', 400);
    expect(snapshot(arn)).toEqual(before);
    await fails(checkpoint('arn:aws:lambda:us-east-1:000000000000:function:fn:$LATEST/durable-execution/n/none', { CheckpointToken: 'x' }), 'ResourceNotFoundException', 404);
    await fails(checkpoint('not-an-arn', { CheckpointToken: 'x' }), 'InvalidParameterValueException', 400);
  });

  it('validates each transition against the operation state', async () => {
    const arn = running();
    let token = 'dG9rZW4x';
    const ok = async (updates: unknown[]) => {
      token = parse(await checkpoint(arn, { CheckpointToken: token, Updates: updates })).CheckpointToken ?? token;
    };
    await ok([{ Id: 's', Type: 'STEP', Action: 'START', Name: 'n' }, { Id: 's', Type: 'STEP', Action: 'SUCCEED', Payload: '1' }]);
    await fails(checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 's', Type: 'STEP', Action: 'START' }] }), 'InvalidParameterValueException', 400);
    await fails(checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 's', Type: 'STEP', Action: 'FAIL', Error: {} }] }), 'InvalidParameterValueException', 400);
    await ok([{ Id: 'cb', Type: 'CALLBACK', Action: 'START', CallbackOptions: { TimeoutSeconds: 10 } }]);
    await fails(checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 'cb', Type: 'CALLBACK', Action: 'START' }] }), 'InvalidParameterValueException', 400);
    await ok([{ Id: 'r', Type: 'STEP', Action: 'START' }, { Id: 'r', Type: 'STEP', Action: 'RETRY', Error: { ErrorMessage: 'x' }, StepOptions: { NextAttemptDelaySeconds: 3 } }]);
    const step = engine.store.getOperation(arn, 'r');
    expect(step).toMatchObject({ Status: 'PENDING', StepDetails: { Attempt: 1, NextAttemptTimestamp: now + 3000 } });
    await fails(checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 'r', Type: 'STEP', Action: 'START' }] }), 'InvalidParameterValueException', 400);
    // The EXECUTION update closes the checkpoint stream: no token comes back.
    const closing = parse(await checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 'any', Type: 'EXECUTION', Action: 'SUCCEED', Payload: '"big"' }] }));
    expect(closing.CheckpointToken).toBeUndefined();
    await fails(checkpoint(arn, { CheckpointToken: token, Updates: [{ Id: 'z', Type: 'STEP', Action: 'START' }] }), 'InvalidParameterValueException', 400);
  });
});

describe('GetDurableExecutionState', () => {
  it('pages operations and hides children of closed contexts', async () => {
    const arn = running();
    const updates = [
      { Id: 'ctx', Type: 'CONTEXT', Action: 'START', SubType: 'RunInChildContext' },
      ...Array.from({ length: 5 }, (_, i) => ({ Id: `c${i}`, ParentId: 'ctx', Type: 'STEP', Action: 'SUCCEED', Payload: String(i) })),
      { Id: 'ctx', Type: 'CONTEXT', Action: 'SUCCEED', Payload: '"done"' },
      ...Array.from({ length: 3 }, (_, i) => ({ Id: `t${i}`, Type: 'STEP', Action: 'SUCCEED', Payload: String(i) })),
    ];
    const token = parse(await checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: updates })).CheckpointToken ?? '';
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = (await call('GET', `/2025-12-01/durable-executions/${arn}/state`, { query: { CheckpointToken: token, MaxItems: '2', ...(marker ? { Marker: marker } : {}) } })).body as { Operations: Array<{ Id: string }>; NextMarker?: string };
      expect(page.Operations.length).toBeLessThanOrEqual(2);
      seen.push(...page.Operations.map((o) => o.Id));
      marker = page.NextMarker;
    } while (marker !== undefined);
    expect(seen).toEqual([engine.store.getExecution(arn)?.executionId, 'ctx', 't0', 't1', 't2']);
    await fails(call('GET', `/2025-12-01/durable-executions/${arn}/state`, { query: { CheckpointToken: 'old' } }), 'InvalidParameterValueException', 400);
    await fails(call('GET', `/2025-12-01/durable-executions/${arn}/state`, { query: { CheckpointToken: token, MaxItems: '5000' } }), 'InvalidParameterValueException', 400);
  });
});

describe('client APIs', () => {
  it('lists executions with filters and pagination, newest first by default', async () => {
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) {
      now += 1000;
      arns.push(running());
    }
    engine.store.updateExecution(arns[1] ?? '', { status: 'SUCCEEDED', endMs: now });
    const list = (query: Record<string, string | string[]>) => call('GET', '/2025-12-01/functions/fn/durable-executions', { query }).then((r) => r.body as { DurableExecutions: Array<{ DurableExecutionArn: string; Status: string }>; NextMarker?: string });
    const first = await list({ MaxItems: '2' });
    expect(first.DurableExecutions.map((e) => e.DurableExecutionArn)).toEqual([arns[4], arns[3]]);
    const second = await list({ MaxItems: '2', Marker: first.NextMarker ?? '' });
    expect(second.DurableExecutions.map((e) => e.DurableExecutionArn)).toEqual([arns[2], arns[1]]);
    expect((await list({ Statuses: 'SUCCEEDED' })).DurableExecutions.map((e) => e.DurableExecutionArn)).toEqual([arns[1]]);
    expect((await list({ ReverseOrder: 'true', MaxItems: '1' })).DurableExecutions[0]?.DurableExecutionArn).toBe(arns[0]);
    expect((await list({ StartedAfter: new Date(now - 1500).toISOString() })).DurableExecutions.map((e) => e.DurableExecutionArn)).toEqual([arns[4], arns[3]]);
    await fails(list({ Statuses: 'DONE' }), 'InvalidParameterValueException', 400);
    await fails(list({ StartedAfter: 'yesterday' }), 'InvalidParameterValueException', 400);
    await fails(call('GET', '/2025-12-01/functions/ghost/durable-executions'), 'ResourceNotFoundException', 404);
  });

  it('pages history both ways and can leave payloads out', async () => {
    const arn = running();
    await checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 's', Type: 'STEP', Action: 'START', Name: 'a' }, { Id: 's', Type: 'STEP', Action: 'SUCCEED', Payload: '"secret"' }] });
    const history = (query: Record<string, string>) => call('GET', `/2025-12-01/durable-executions/${arn}/history`, { query }).then((r) => r.body as { Events: Array<Record<string, unknown>>; NextMarker?: string });
    const p1 = await history({ MaxItems: '2' });
    expect(p1.Events.map((e) => e['EventType'])).toEqual(['ExecutionStarted', 'StepStarted']);
    const p2 = await history({ MaxItems: '2', Marker: p1.NextMarker ?? '' });
    expect(p2.Events.map((e) => e['EventType'])).toEqual(['StepSucceeded']);
    expect(p2.NextMarker).toBeUndefined();
    expect((await history({ ReverseOrder: 'true', MaxItems: '1' })).Events[0]?.['EventType']).toBe('StepSucceeded');
    const bare = await history({ IncludeExecutionData: 'false' });
    expect(JSON.stringify(bare.Events)).not.toContain('secret');
    expect(bare.Events[2]?.['StepSucceededDetails']).toEqual({ Result: { Truncated: false }, RetryDetails: { CurrentAttempt: 1 } });
    await fails(history({ Marker: 'abc' }), 'InvalidParameterValueException', 400);
    await fails(call('GET', '/2025-12-01/durable-executions/arn:aws:lambda:us-east-1:000000000000:function:fn:$LATEST/durable-execution/a/b'), 'ResourceNotFoundException', 404);
  });

  it('stops a running execution once; its token dies with it', async () => {
    const arn = running();
    const stop = await call('POST', `/2025-12-01/durable-executions/${arn}/stop`, { body: { ErrorMessage: 'enough' } });
    expect(stop.body).toEqual({ StopTimestamp: now / 1000 });
    const exec = engine.store.getExecution(arn);
    expect(exec?.status).toBe('STOPPED');
    const events = engine.store.events(arn, 1, 100, false).map((e) => e['EventType']);
    expect(events).toEqual(['ExecutionStarted', 'InvocationCompleted', 'ExecutionStopped']);
    await fails(checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [] }), 'InvalidParameterValueException', 400);
    await call('POST', `/2025-12-01/durable-executions/${arn}/stop`);
    expect(engine.store.lastEventId(arn)).toBe(3);
  });
});

describe('restart', () => {
  it('completes an execution whose handler checkpointed its result just before the studio stopped', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'durable-restart-')), 'd.db');
    engine = createDurableEngine({ dbPath, invoker: noSandboxes, region: 'us-east-1', accountId: '000000000000', clock: { now: () => now } });
    engines.push(engine);
    const arn = running();
    await checkpoint(arn, { CheckpointToken: 'dG9rZW4x', Updates: [{ Id: 'r', Type: 'EXECUTION', Action: 'SUCCEED', Payload: '"big result"' }] });
    engine.close();
    engine = createDurableEngine({ dbPath, invoker: noSandboxes, region: 'us-east-1', accountId: '000000000000', clock: { now: () => now } });
    engines.push(engine);
    await engine.start();
    const exec = engine.store.getExecution(arn);
    expect(exec?.status).toBe('SUCCEEDED');
    expect(exec?.result).toBe('"big result"');
    expect(engine.store.events(arn, 1, 10, false).map((e) => e['EventType'])).toEqual(['ExecutionStarted', 'InvocationCompleted', 'ExecutionSucceeded']);
  });
});
