import { LOCAL_TARGET_ID, type DeployProgress, type HistoryEvent } from '../../../shared/contract/index.ts';
import { WORKFLOW_RUNNER_FUNCTION } from '../../../shared/workflow/runner-event.ts';
import { createAwsExecutions } from '../targets/aws-executions.ts';
import { invokeOnAws } from '../targets/aws-invoke.ts';
import { buildDeployPackage } from '../targets/deploy-package.ts';
import { deployedStatus } from '../targets/deploy-status.ts';
import { deployFunction } from '../targets/deploy-function.ts';
import { listExecutionRoles } from '../targets/execution-role.ts';
import type { TargetService } from '../targets/target-service.ts';
import type { FunctionStore } from '../workspace/function-store.ts';
import type { Handlers } from './handler-table.ts';

type TargetsArea = Pick<
  Handlers,
  'targets.list' | 'targets.save' | 'targets.remove' | 'targets.test' | 'deploy.function' | 'deploy.status' | 'iam.roles'
>;

/** The methods that take a `target` and work on AWS as on the local service. */
type TargetAware = Pick<
  Handlers,
  | 'executions.list'
  | 'executions.get'
  | 'executions.history'
  | 'executions.stop'
  | 'executions.exportHistory'
  | 'callbacks.pending'
  | 'callbacks.succeed'
  | 'callbacks.fail'
  | 'callbacks.heartbeat'
  | 'invoke.run'
>;

/** What the targets area needs from the studio. */
export interface TargetsDeps {
  targets: TargetService;
  functions: FunctionStore;
  /** Where deploy bundles are built, apart from the local runners' bundles. */
  buildDir: string;
  emit: (progress: DeployProgress) => void;
  /** How long an AWS invoke of a durable function waits for it to close (default 5 s). */
  invokeWaitMs?: number;
}

export const isLocal = (target: string | undefined): boolean => target === undefined || target === LOCAL_TARGET_ID;

/** The durable functions whose executions an AWS target lists: the workspace's, and the workflow runner (workflow runs). */
async function durableFunctionNames(functions: FunctionStore): Promise<string[]> {
  return [...(await functions.list()).filter((f) => f.durable).map((f) => f.name), WORKFLOW_RUNNER_FUNCTION];
}

/** Targets, deploys and roles. */
export function createTargetsHandlers(deps: TargetsDeps): TargetsArea {
  const { targets, functions } = deps;
  return {
    'targets.list': () => targets.list(),
    'targets.save': (input) => targets.save(input),
    'targets.remove': async ({ id }) => {
      await targets.remove(id);
      return { ok: true };
    },
    'targets.test': ({ id }) => targets.test(id),
    'deploy.function': (input) => deployFunction({ targets, functions, buildDir: deps.buildDir, emit: deps.emit }, input),
    'deploy.status': async ({ name }) => {
      const pkg = await buildDeployPackage(functions, name, deps.buildDir);
      const aws = (await targets.list()).filter((t) => t.kind === 'aws');
      return { localCodeSha256: pkg.codeSha256, targets: await Promise.all(aws.map((t) => deployedStatus(targets, t, name, pkg.codeSha256))) };
    },
    'iam.roles': async ({ target }) => {
      const { iam, target: resolved } = await targets.awsClients(target);
      return targets.attempt(resolved, 'iam:ListRoles', () => listExecutionRoles(iam));
    },
  };
}

/** An execution's whole history on an AWS target: what "debug locally" replays. */
export function awsHistory(deps: TargetsDeps): (target: string, arn: string) => Promise<HistoryEvent[]> {
  const aws = createAwsExecutions({ targets: deps.targets, durableFunctionNames: () => durableFunctionNames(deps.functions) });
  return (target, arn) => aws.history(target, arn);
}

/**
 * Sends each target-aware call to the local handlers or to the AWS target it names. Local calls
 * go on exactly as before targets existed; the `target` field is dropped before they do.
 */
export function routeByTarget(local: TargetAware, deps: TargetsDeps): TargetAware {
  const aws = createAwsExecutions({ targets: deps.targets, durableFunctionNames: () => durableFunctionNames(deps.functions) });
  return {
    'executions.list': ({ target, ...filter }) => (isLocal(target) ? local['executions.list'](filter) : aws.list(target ?? '', filter)),
    'executions.get': ({ target, arn }) => (isLocal(target) ? local['executions.get']({ arn }) : aws.get(target ?? '', arn)),
    'executions.history': async ({ target, arn, afterEventId }) => {
      if (isLocal(target)) return local['executions.history']({ arn, ...(afterEventId === undefined ? {} : { afterEventId }) });
      // AWS's history marker is opaque; the later events are cut from the whole list.
      const events = await aws.history(target ?? '', arn);
      if (afterEventId === undefined) return { Events: events };
      return { Events: events.filter((e) => e.EventId !== undefined && e.EventId > afterEventId), continued: true };
    },
    'executions.stop': ({ target, arns }) => (isLocal(target) ? local['executions.stop']({ arns }) : aws.stop(target ?? '', arns)),
    'executions.exportHistory': ({ target, arn }) => (isLocal(target) ? local['executions.exportHistory']({ arn }) : aws.exportHistory(target ?? '', arn)),
    'callbacks.pending': ({ target }) => (isLocal(target) ? local['callbacks.pending']({}) : aws.pendingCallbacks(target ?? '')),
    'callbacks.succeed': ({ target, callbackId, result }) =>
      isLocal(target) ? local['callbacks.succeed']({ callbackId, result }) : aws.succeed(target ?? '', callbackId, result),
    'callbacks.fail': ({ target, callbackId, error }) =>
      isLocal(target) ? local['callbacks.fail']({ callbackId, error }) : aws.fail(target ?? '', callbackId, error),
    'callbacks.heartbeat': ({ target, callbackId }) =>
      isLocal(target) ? local['callbacks.heartbeat']({ callbackId }) : aws.heartbeat(target ?? '', callbackId),
    'invoke.run': ({ target, functionName, payload, qualifier }) =>
      isLocal(target)
        ? local['invoke.run']({ functionName, payload, ...(qualifier === undefined ? {} : { qualifier }) })
        : invokeOnAws(deps.targets, {
            target: target ?? '',
            functionName,
            payload,
            ...(qualifier === undefined ? {} : { qualifier }),
            ...(deps.invokeWaitMs === undefined ? {} : { waitMs: deps.invokeWaitMs }),
          }),
  };
}
