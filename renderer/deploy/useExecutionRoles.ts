import { useEffect, useState } from 'react';
import type { ExecutionRole } from '../../shared/contract/targets.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

export interface RolesState {
  roles: ExecutionRole[];
  loading: boolean;
  failure: Failure | null;
}

/** The roles Lambda may assume in the target's account, asked once per dialog. */
export function useExecutionRoles(target: string): RolesState {
  const [state, setState] = useState<RolesState>({ roles: [], loading: true, failure: null });
  useEffect(() => {
    let live = true;
    api()
      .call('iam.roles', { target })
      .then(
        (roles) => live && setState({ roles: [...roles].sort((a, b) => a.name.localeCompare(b.name)), loading: false, failure: null }),
        (error: unknown) => live && setState({ roles: [], loading: false, failure: toFailure(error, 'Could not list the account’s roles') }),
      );
    return () => {
      live = false;
    };
  }, [target]);
  return state;
}
