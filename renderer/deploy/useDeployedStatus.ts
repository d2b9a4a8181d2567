import { useEffect } from 'react';
import { api } from '../api/api.ts';
import { coalesce } from '../lib/coalesce.ts';
import { useDeploy } from './deploy-store.ts';

/** How soon after a save the status is asked again (it builds the bundle to compare). */
const AFTER_SAVE_MS = 2_000;

/**
 * Keeps the function's deployed status current while `enabled` (an AWS target is chosen): asked on
 * opening, after each change to the function's files (the local code may now differ), and by a deploy.
 */
export function useDeployedStatus(fn: string, enabled: boolean, targetId: string): void {
  useEffect(() => {
    if (!enabled) return;
    void useDeploy.getState().loadStatus(fn);
    const again = coalesce(() => useDeploy.getState().loadStatus(fn), AFTER_SAVE_MS);
    const off = api().on('workspace.changed', (event) => {
      if (event.functionName === fn) again.request();
    });
    return () => {
      off();
      again.cancel();
    };
  }, [fn, enabled, targetId]);
}
