import { useEffect, useMemo } from 'react';
import type { Target } from '../../shared/contract/targets.ts';
import { currentTarget, useTargets } from './target-store.ts';

/** The target this window works on; loads the list on first use. */
export function useCurrentTarget(): Target {
  const targets = useTargets((s) => s.targets);
  const currentId = useTargets((s) => s.currentId);
  const loaded = useTargets((s) => s.loaded);
  useEffect(() => {
    if (!loaded) void useTargets.getState().load();
  }, [loaded]);
  return useMemo(() => currentTarget({ targets, currentId }), [targets, currentId]);
}
