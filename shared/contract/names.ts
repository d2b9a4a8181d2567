import type { EventName, MethodName } from './index.ts';

// The contract's names alone, for the Electron preload: it checks a name before anything crosses
// to the main process, and importing the contract's schemas would bundle every zod schema and the
// CEL library into the sandboxed preload. `satisfies` keeps these lists exactly the contract's.

const methods = {
  'app.info': true,
  'callbacks.fail': true,
  'callbacks.heartbeat': true,
  'callbacks.pending': true,
  'callbacks.succeed': true,
  'clock.next': true,
  'clock.skip': true,
  'deploy.function': true,
  'deploy.status': true,
  'docker.buildBaseImage': true,
  'docker.cancelPull': true,
  'docker.pullImage': true,
  'docker.status': true,
  'durableStore.info': true,
  'durableStore.purgeFinished': true,
  'editor.typeLibraries': true,
  'executions.debugLocally': true,
  'executions.exportHistory': true,
  'executions.get': true,
  'executions.history': true,
  'executions.invocations': true,
  'executions.list': true,
  'executions.logs': true,
  'executions.rerun': true,
  'executions.retryState': true,
  'executions.stop': true,
  'functionUrls.info': true,
  'functions.create': true,
  'functions.delete': true,
  'functions.exportSam': true,
  'functions.get': true,
  'functions.list': true,
  'functions.readFile': true,
  'functions.rename': true,
  'functions.saveConfig': true,
  'functions.writeFile': true,
  'iam.roles': true,
  'invocations.get': true,
  'invocations.list': true,
  'invoke.run': true,
  'lambda.endpoint': true,
  'queues.purge': true,
  'queues.redrive': true,
  'queues.send': true,
  'queues.status': true,
  'schedules.fireNow': true,
  'schedules.status': true,
  'targets.list': true,
  'targets.remove': true,
  'targets.save': true,
  'targets.test': true,
  'templates.list': true,
  'testEvents.delete': true,
  'testEvents.list': true,
  'testEvents.save': true,
  'workflows.create': true,
  'workflows.delete': true,
  'workflows.deploy': true,
  'workflows.duplicate': true,
  'workflows.export': true,
  'workflows.exportSam': true,
  'workflows.get': true,
  'workflows.list': true,
  'workflows.rename': true,
  'workflows.run': true,
  'workflows.runs': true,
  'workflows.save': true,
} satisfies Record<MethodName, true>;

const events = {
  'app.navigate': true,
  'deploy.progress': true,
  'docker.progress': true,
  'executions.changed': true,
  'invocations.changed': true,
  'invoke.log': true,
  'queues.changed': true,
  'workspace.changed': true,
} satisfies Record<EventName, true>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
