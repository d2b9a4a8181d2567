import type { PendingCallback } from '../../shared/contract/executions.ts';
import type { Notice } from './execution-notices.ts';

/** A notification about a callback that started waiting, and the execution a click opens. */
export interface CallbackNotice extends Notice {
  executionArn: string;
}

/**
 * Decides which pending callbacks deserve an OS notification: each one once, when it first shows
 * up. The callbacks pending when the studio starts are taken as known, so a restart is quiet.
 */
export function createCallbackNotices(): (pending: readonly PendingCallback[]) => CallbackNotice[] {
  let known: Set<string> | undefined;
  return (pending) => {
    if (known === undefined) {
      known = new Set(pending.map((c) => c.callbackId));
      return [];
    }
    const fresh = pending.filter((c) => !known?.has(c.callbackId));
    for (const c of fresh) known.add(c.callbackId);
    return fresh.map((c) => ({
      title: `Approval waiting: ${c.functionName}`,
      body: `${c.operationName ?? 'A callback'} in ${c.executionName} is waiting for an answer.`,
      executionArn: c.executionArn,
    }));
  };
}
