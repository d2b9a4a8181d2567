import type { CheckpointDurableExecutionRequest, DurableExecutionClient, ErrorObject, OperationType } from '@aws/durable-execution-sdk-js';

/**
 * What the runner learns about operations from the wire: each operation's name and parent,
 * and the error type a failed chained invoke or callback recorded.
 *
 * The SDK (2.4) drops that error type: `InvokeError` keeps only the message and data, and a
 * callback failure passes through a child context that renames it `CallbackExternalError`.
 * A Lambda block's catches match on the invoked function's `errorType` and an approval's
 * rejection should fail the run with the type the approver sent, so the runner reads the
 * type from the operation state the backend returns, which AWS and the studio both send.
 */

/** The fields of an operation (as returned, or as checkpointed) the log keeps. */
export interface SeenOperation {
  Id?: string | undefined;
  ParentId?: string | undefined;
  Name?: string | undefined;
  Type?: OperationType | string | undefined;
  ChainedInvokeDetails?: { Error?: ErrorObject | undefined } | undefined;
  CallbackDetails?: { Error?: ErrorObject | undefined } | undefined;
}

interface Entry {
  name: string | undefined;
  parentId: string | undefined;
  type: string | undefined;
  errorType: string | undefined;
}

/** One invocation's view of the execution's operations, keyed by operation id. */
export class OperationLog {
  private readonly entries = new Map<string, Entry>();

  /** Forgets everything: a new invocation may belong to another execution. */
  reset(): void {
    this.entries.clear();
  }

  /** Takes in operations from the invocation's initial state, a state page or a checkpoint answer (or the updates a checkpoint sends). */
  observe(operations: readonly SeenOperation[] | undefined): void {
    for (const op of operations ?? []) {
      if (op.Id === undefined) continue;
      const known = this.entries.get(op.Id);
      const errorType = (op.ChainedInvokeDetails?.Error ?? op.CallbackDetails?.Error)?.ErrorType;
      this.entries.set(op.Id, {
        name: op.Name ?? known?.name,
        parentId: op.ParentId ?? known?.parentId,
        type: op.Type ?? known?.type,
        errorType: errorType ?? known?.errorType,
      });
    }
  }

  /**
   * The error type recorded for the failed operation of `type` at `path` (the names of its
   * enclosing operations from the top, then its own), or for such an operation directly
   * inside the one at `path` (a callback inside its waitForCallback context).
   */
  failureType(path: readonly string[], type: OperationType | string): string | undefined {
    const id = this.find(path);
    if (id === undefined) return undefined;
    const self = this.entries.get(id);
    if (self?.type === type && self.errorType !== undefined) return self.errorType;
    for (const entry of this.entries.values()) {
      if (entry.parentId === id && entry.type === type && entry.errorType !== undefined) return entry.errorType;
    }
    return undefined;
  }

  /** The id of the operation whose chain of names from the top is `path`. */
  private find(path: readonly string[]): string | undefined {
    const last = path.at(-1);
    if (last === undefined) return undefined;
    for (const [id, entry] of this.entries) {
      if (entry.name === last && this.chainMatches(entry.parentId, path.slice(0, -1))) return id;
    }
    return undefined;
  }

  private chainMatches(parentId: string | undefined, names: readonly string[]): boolean {
    let current = parentId;
    for (let i = names.length - 1; i >= 0; i--) {
      const parent = current === undefined ? undefined : this.entries.get(current);
      if (parent === undefined || parent.name !== names[i]) return false;
      current = parent.parentId;
    }
    return current === undefined;
  }
}

/**
 * The SDK's own transport with the log listening in: every operation a checkpoint sends or
 * gets back, and every page of state, passes through `log` before the SDK sees it.
 */
export function observingClient(inner: DurableExecutionClient, log: OperationLog): DurableExecutionClient {
  return {
    async getExecutionState(params, logger) {
      const response = await inner.getExecutionState(params, logger);
      log.observe(response.Operations);
      return response;
    },
    async checkpoint(params: CheckpointDurableExecutionRequest, logger) {
      log.observe(params.Updates);
      const response = await inner.checkpoint(params, logger);
      log.observe(response.NewExecutionState?.Operations);
      return response;
    },
  };
}
