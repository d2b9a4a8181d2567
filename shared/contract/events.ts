import { z } from 'zod';
import { DockerProgress } from './docker.ts';
import { InvocationRetry } from './executions.ts';
import { InvocationSummary } from './invocations.ts';
import { InvokeLog } from './invoke.ts';
import { QueueChanged } from './queues.ts';
import { DeployProgress } from './targets.ts';

/** A file or folder in the workspace changed, by the studio or by anything else. */
export const WorkspaceChanged = z.object({
  kind: z.enum(['add', 'change', 'unlink', 'addDir', 'unlinkDir']),
  /** Set when the change is inside `functions/<name>/`. */
  functionName: z.string().optional(),
  /** Path relative to the workspace root, `/`-separated. */
  path: z.string(),
});
export type WorkspaceChanged = z.infer<typeof WorkspaceChanged>;

/**
 * A durable execution started, changed status or recorded history: the detail of Lambda's
 * "Durable Execution Status Change" event. `lastEventId` lets a viewer fetch only new history.
 */
export const ExecutionChanged = z.object({
  durableExecutionArn: z.string(),
  durableExecutionName: z.string(),
  functionArn: z.string(),
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT or STOPPED. */
  status: z.string(),
  startTimestamp: z.string(),
  endTimestamp: z.string().optional(),
  lastEventId: z.number(),
  /** The studio's addition: while the handler's invocations fail and the engine retries them, how (local target). */
  invocationRetry: InvocationRetry.optional(),
});
export type ExecutionChanged = z.infer<typeof ExecutionChanged>;

/** The host asks the window to show something, e.g. after a click on an OS notification. */
export const NavigateRequest = z.object({
  /** Open this durable execution's detail. */
  executionArn: z.string(),
});
export type NavigateRequest = z.infer<typeof NavigateRequest>;

/** Every event the renderer can subscribe to, by name. */
export const contractEvents = {
  'workspace.changed': WorkspaceChanged,
  /** A log line of a running invocation, as it is written (the invoke result repeats them all). */
  'invoke.log': InvokeLog,
  /** An invocation of a local function started or ended, whoever asked for it (its lines come as `invoke.log`). */
  'invocations.changed': InvocationSummary,
  'executions.changed': ExecutionChanged,
  /** The host asks the window to open an execution (a click on an OS notification). */
  'app.navigate': NavigateRequest,
  /** A line of a Docker image pull or build, with its progress when known. */
  'docker.progress': DockerProgress,
  /** A step of a `deploy.function` call started, finished or failed. */
  'deploy.progress': DeployProgress,
  /** A function's queue changed: messages sent, received, deleted, dead-lettered or redriven. */
  'queues.changed': QueueChanged,
};
