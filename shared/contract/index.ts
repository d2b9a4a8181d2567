import type { z } from 'zod';
import { appMethods } from './app.ts';
import type { MethodSpec } from './define.ts';
import { dockerMethods } from './docker.ts';
import { durableStoreMethods } from './durable-store.ts';
import { executionsMethods } from './executions.ts';
import { exportMethods } from './export.ts';
import { contractEvents } from './events.ts';
import { functionsMethods } from './functions.ts';
import { functionUrlsMethods } from './function-urls.ts';
import { schedulesMethods } from './schedules.ts';
import { queuesMethods } from './queues.ts';
import { invocationsMethods } from './invocations.ts';
import { invokeMethods } from './invoke.ts';
import { targetsMethods } from './targets.ts';
import { workflowsMethods } from './workflows.ts';

/**
 * The whole contract between the renderer and a host. Each area keeps its methods in
 * its own file; adding an area means adding one spread here.
 */
export const contract = {
  ...appMethods,
  ...functionsMethods,
  ...invokeMethods,
  ...invocationsMethods,
  ...dockerMethods,
  ...executionsMethods,
  ...durableStoreMethods,
  ...workflowsMethods,
  ...targetsMethods,
  ...exportMethods,
  ...functionUrlsMethods,
  ...schedulesMethods,
  ...queuesMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export { contractEvents };
export type EventName = keyof typeof contractEvents;
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(contractEvents, name);
}

export * from './app.ts';
export * from './define.ts';
export * from './docker.ts';
export * from './durable-store.ts';
export * from './executions.ts';
export * from './export.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './functions.ts';
export * from './function-urls.ts';
export * from './schedules.ts';
export * from './queues.ts';
export * from './invocations.ts';
export * from './invoke.ts';
export * from './targets.ts';
export * from './workflows.ts';
