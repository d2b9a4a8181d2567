import { useEffect, useRef, useState } from 'react';
import type { SamTemplateFile } from '../../shared/contract/export.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

export type SamSource = { kind: 'function'; name: string } | { kind: 'workflow'; name: string };

export interface SamTemplateState {
  file: SamTemplateFile | null;
  failure: Failure | null;
}

/** The SAM template of a function or a workflow, asked once the dialog opens (after `before`, e.g. a save). */
export function useSamTemplate(source: SamSource, before?: () => Promise<void>): SamTemplateState {
  const [state, setState] = useState<SamTemplateState>({ file: null, failure: null });
  const { kind, name } = source;
  // A save step, the same for the dialog's life: read once, not a reason to ask again.
  const first = useRef(before);
  useEffect(() => {
    let live = true;
    const ready = first.current;
    (ready === undefined ? Promise.resolve() : ready())
      .then(() => api().call(kind === 'function' ? 'functions.exportSam' : 'workflows.exportSam', { name }))
      .then(
        (file) => live && setState({ file, failure: null }),
        (error: unknown) => live && setState({ file: null, failure: toFailure(error, `Could not export ${name} as a SAM template`) }),
      );
    return () => {
      live = false;
    };
  }, [kind, name]);
  return state;
}
