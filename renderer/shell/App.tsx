import * as Tooltip from '@radix-ui/react-tooltip';
import { useEffect } from 'react';
import { api } from '../api/api.ts';
import { useEditor } from '../editor/editor-store.ts';
import { hasUnsavedWork } from '../editor/models.ts';
import { NewFunctionDialog } from '../functions/NewFunctionDialog.tsx';
import { subscribeInvokeLogs } from '../invoke/invoke-store.ts';
import { useExecutions } from '../executions/executions-store.ts';
import { hasAnyDraft } from '../functions/form-drafts.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { toFailure } from '../lib/errors.ts';
import { addTypeLibraries } from '../monaco/type-libraries.ts';
import { ActivityBar } from './ActivityBar.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { Frame } from './Frame.tsx';
import { startNavigation } from './navigation.ts';
import { StatusBar } from './StatusBar.tsx';
import { useUi } from './ui-store.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useTheme } from './useTheme.ts';

function useStartup(): void {
  useEffect(() => {
    const { loadInfo, refresh, loadTemplates } = useWorkspace.getState();
    const notify = useUi.getState().notify;
    loadInfo().catch((error: unknown) => notify(toFailure(error, 'Could not reach the studio host')));
    void refresh();
    loadTemplates().catch((error: unknown) => notify(toFailure(error, 'Could not load the function templates')));
    api()
      .call('editor.typeLibraries', {})
      .then(addTypeLibraries)
      .catch((error: unknown) => notify(toFailure(error, 'Type information for handlers is unavailable, so the editor may flag valid imports')));

    let timer: ReturnType<typeof setTimeout> | undefined;
    const offLogs = subscribeInvokeLogs();
    const offNavigation = startNavigation();
    const offNavigate = api().on('app.navigate', ({ executionArn }) => useExecutions.getState().open(executionArn));
    const offChanges = api().on('workspace.changed', (event) => {
      useEditor.getState().workspaceChanged(event);
      // A save or a git checkout touches many files: refresh the list once per burst.
      clearTimeout(timer);
      timer = setTimeout(() => void useWorkspace.getState().refresh(), 150);
    });
    return () => {
      clearTimeout(timer);
      offLogs();
      offNavigation();
      offNavigate();
      offChanges();
    };
  }, []);
}

/** Asks before the page goes away with unsaved edits in any open file. */
function useUnsavedGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedWork() || useEditor.getState().formDirty || hasAnyDraft()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

export function App() {
  useTheme();
  useUnsavedGuard();
  useShortcuts();
  useStartup();
  return (
    <Tooltip.Provider delayDuration={500} skipDelayDuration={200}>
      <div className="app" data-testid="app">
        <div className="app__body">
          <ActivityBar />
          <Frame />
        </div>
        <StatusBar />
      </div>
      <CommandPalette />
      <NewFunctionDialog />
    </Tooltip.Provider>
  );
}
