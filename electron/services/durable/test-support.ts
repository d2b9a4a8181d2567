import {
  CreateFunctionCommand,
  GetDurableExecutionCommand,
  type GetDurableExecutionCommandOutput,
  GetDurableExecutionHistoryCommand,
  type Event as HistoryEvent,
  InvokeCommand,
} from '@aws-sdk/client-lambda';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestService, type TestService, zipOf } from '../lambda/test-support.ts';
import { attachDurableEngine, DURABLE_DB_FILE } from './attach.ts';
import type { DurableEngine, DurableEngineOptions } from './engine.ts';

/** Handler modules shared by the engine tests and the official local runner comparison. */
export const HANDLERS_DIR = join(import.meta.dirname, 'test-handlers');

export interface DurableHarness extends TestService {
  engine: DurableEngine;
  dbPath: string;
  deploy(name: string, handlerFile: string, options?: { timeout?: number; executionTimeout?: number; durable?: boolean; memorySize?: number }): Promise<void>;
  history(arn: string): Promise<HistoryEvent[]>;
  /** Starts an execution with an Event invoke and returns its ARN. */
  start(functionName: string, payload?: unknown, name?: string): Promise<string>;
  /** Waits for the execution to close and returns GetDurableExecution's answer. */
  finish(arn: string, timeoutMs?: number): Promise<GetDurableExecutionCommandOutput>;
  /** Polls history until an event of that type (and optional name) appears; returns it. */
  waitForEvent(arn: string, eventType: string, name?: string, timeoutMs?: number): Promise<HistoryEvent>;
}

/** The real local Lambda service (SigV4 server, process sandboxes) with the engine attached, in a temporary folder. */
export async function startDurableHarness(engineOptions: Partial<DurableEngineOptions> = {}): Promise<DurableHarness> {
  const t = await startTestService();
  const dbPath = join(t.stateDir, DURABLE_DB_FILE);
  const engine = await attachDurableEngine(t.service, { stateDir: t.stateDir, ...engineOptions });
  const harness: DurableHarness = {
    ...t,
    engine,
    dbPath,
    async deploy(name, handlerFile, options = {}) {
      const source = await readFile(join(HANDLERS_DIR, handlerFile), 'utf8');
      await t.client.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs22.x',
          Role: 'arn:aws:iam::000000000000:role/x',
          Handler: 'index.handler',
          Code: { ZipFile: zipOf({ 'index.mjs': source }) },
          Timeout: options.timeout ?? 30,
          ...(options.memorySize === undefined ? {} : { MemorySize: options.memorySize }),
          ...(options.durable === false ? {} : { DurableConfig: { ExecutionTimeout: options.executionTimeout ?? 120, RetentionPeriodInDays: 1 } }),
        }),
      );
    },
    async history(arn) {
      const events: HistoryEvent[] = [];
      let marker: string | undefined;
      do {
        const page = await t.client.send(new GetDurableExecutionHistoryCommand({ DurableExecutionArn: arn, IncludeExecutionData: true, MaxItems: 1000, Marker: marker }));
        events.push(...(page.Events ?? []));
        marker = page.NextMarker;
      } while (marker !== undefined);
      return events;
    },
    async start(functionName, payload = {}, name) {
      const out = await t.client.send(
        new InvokeCommand({ FunctionName: `${functionName}:$LATEST`, InvocationType: 'Event', Payload: JSON.stringify(payload), DurableExecutionName: name }),
      );
      if (out.DurableExecutionArn === undefined) throw new Error('Invoke returned no DurableExecutionArn');
      return out.DurableExecutionArn;
    },
    async finish(arn, timeoutMs = 30_000) {
      await harness.engine.waitForClose(arn, timeoutMs);
      return t.client.send(new GetDurableExecutionCommand({ DurableExecutionArn: arn }));
    },
    async waitForEvent(arn, eventType, name, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const events = await harness.history(arn);
        const found = events.find((e) => e.EventType === eventType && (name === undefined || e.Name === name));
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no ${eventType} event within ${timeoutMs} ms: ${events.map((e) => e.EventType).join(', ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      harness.engine.close();
      await t.close();
    },
  };
  return harness;
}

/** (EventType, SubType, Name) of each event, InvocationCompleted left out, sorted: the signature both runners must share. */
export function eventSignatures(events: Array<{ EventType?: string; SubType?: string; Name?: string }>): string[] {
  return events
    .filter((e) => e.EventType !== 'InvocationCompleted')
    .map((e) => `${e.EventType ?? ''}|${e.SubType ?? ''}|${e.EventType?.startsWith('Execution') === true ? '' : (e.Name ?? '')}`)
    .sort();
}
