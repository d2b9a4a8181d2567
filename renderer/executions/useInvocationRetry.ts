import { useEffect, useState } from 'react';
import type { InvocationRetry } from '../../shared/contract/executions.ts';
import { api } from '../api/api.ts';

/**
 * The local engine's word on whether an execution's invocations are failing and retried: asked
 * once when shown, then followed on its change events (each failed invocation is one);
 * undefined once an invocation succeeds or the execution ends.
 */
export function useInvocationRetry(arn: string, live: boolean): InvocationRetry | undefined {
  const [retry, setRetry] = useState<{ arn: string; value: InvocationRetry } | undefined>(undefined);
  useEffect(() => {
    if (!live) return undefined;
    let heard = false;
    const off = api().on('executions.changed', (event) => {
      if (event.durableExecutionArn !== arn) return;
      heard = true;
      setRetry(event.invocationRetry === undefined || event.status !== 'RUNNING' ? undefined : { arn, value: event.invocationRetry });
    });
    api()
      .call('executions.retryState', { arn })
      .then(({ retry: value }) => {
        // An event since is newer than this answer.
        if (!heard) setRetry(value === null ? undefined : { arn, value });
      })
      .catch(() => undefined);
    return off;
  }, [arn, live]);
  return live && retry?.arn === arn ? retry.value : undefined;
}
