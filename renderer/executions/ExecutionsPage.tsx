import './executions.css';
import { useEffect, useRef } from 'react';
import { toFailure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useDetail } from './detail-store.ts';
import { parseHistoryFile } from './executions-api.ts';
import { useExecutions } from './executions-store.ts';
import { ConfirmHost } from './ConfirmHost.tsx';
import { ExecutionDetail } from './ExecutionDetail.tsx';
import { ExecutionList } from './ExecutionList.tsx';
import { ExecutionToolbar } from './ExecutionToolbar.tsx';
import { useNow } from './useNow.ts';

/** Reads a chosen history file and shows it read-only in the detail view. */
export function useHistoryFileInput() {
  const input = useRef<HTMLInputElement>(null);
  const onChange = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    try {
      const view = parseHistoryFile(await file.text(), file.name);
      useDetail.getState().showOffline(view, file.name);
      useExecutions.getState().open(null);
      useUi.getState().setView('executions');
    } catch (error) {
      useUi.getState().notify(toFailure(error, `Could not open ${file.name}`));
    }
  };
  const element = <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void onChange(e)} data-testid="history-file-input" />;
  return { element, open: () => input.current?.click() };
}

/** The Executions area: the list of every execution, or one execution's detail. */
export function ExecutionsPage() {
  const openArn = useExecutions((s) => s.openArn);
  const offline = useDetail((s) => s.offlineName);
  const failure = useExecutions((s) => s.failure);
  const fileInput = useHistoryFileInput();
  const nowMs = useNow(true, 5000);

  useEffect(() => {
    void useExecutions.getState().load();
  }, []);
  useEffect(() => {
    if (openArn !== null) void useDetail.getState().show(openArn);
  }, [openArn]);

  if (openArn !== null || offline !== null) {
    return (
      <div className="exec-page" data-testid="executions-page">
        {fileInput.element}
        <ConfirmHost />
        <ExecutionDetail />
      </div>
    );
  }
  return (
    <div className="exec-page" data-testid="executions-page">
      {fileInput.element}
      <ConfirmHost />
      <ExecutionToolbar onOpenFile={fileInput.open} />
      {failure !== null && <ErrorMessage failure={failure} />}
      <ExecutionList nowMs={nowMs} />
    </div>
  );
}
