import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { EditorArea } from '../editor/EditorArea.tsx';
import { ApprovalsPage } from '../executions/ApprovalsPage.tsx';
import { ExecutionsPage } from '../executions/ExecutionsPage.tsx';
import { ExecutionsSide } from '../executions/ExecutionsSide.tsx';
import { FunctionList } from '../functions/FunctionList.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { WorkflowList } from '../workflows/WorkflowList.tsx';
import { WorkflowsPage } from '../workflows/WorkflowsPage.tsx';
import { BottomPanel } from './BottomPanel.tsx';
import { Notices } from './Notices.tsx';
import { PlaceholderPage } from './PlaceholderPage.tsx';
import { SideSection } from './SideSection.tsx';
import { useUi } from './ui-store.ts';

function Side() {
  const view = useUi((s) => s.view);
  if (view === 'functions') return <FunctionList />;
  if (view === 'workflows') return <WorkflowList />;
  if (view === 'executions' || view === 'approvals') return <ExecutionsSide />;
  // Settings is one page with its sections in a column: it takes the side list's width instead.
  if (view === 'settings') return null;
  return <SideSection view={view} />;
}

function Main() {
  const view = useUi((s) => s.view);
  if (view === 'functions') return <EditorArea />;
  if (view === 'workflows') return <WorkflowsPage />;
  if (view === 'settings') return <SettingsPage />;
  if (view === 'executions') return <ExecutionsPage />;
  if (view === 'approvals') return <ApprovalsPage />;
  return <PlaceholderPage view={view} />;
}

/** Keeps the bottom panel's collapsed state and the store's `bottomOpen` in step, both ways. */
function useBottomPanel() {
  const panelRef = usePanelRef();
  const bottomOpen = useUi((s) => s.bottomOpen);
  useEffect(() => {
    const panel = panelRef.current;
    if (panel === null) return;
    if (bottomOpen && panel.isCollapsed()) panel.expand();
    if (!bottomOpen && !panel.isCollapsed()) panel.collapse();
  }, [bottomOpen, panelRef]);
  const onResize = () => {
    const panel = panelRef.current;
    if (panel === null) return;
    const open = !panel.isCollapsed();
    if (open !== useUi.getState().bottomOpen) useUi.getState().setBottomOpen(open);
  };
  return { panelRef, onResize };
}

/**
 * Keeps the side list folded while the user hid it (Ctrl/Cmd+B, or dragged it shut) and on
 * Settings, which has no list; it opens again at its last width.
 */
function useSidePanel() {
  const panelRef = usePanelRef();
  const wanted = useUi((s) => s.sideOpen && s.view !== 'settings');
  useEffect(() => {
    const panel = panelRef.current;
    if (panel === null) return;
    if (wanted && panel.isCollapsed()) panel.expand();
    if (!wanted && !panel.isCollapsed()) panel.collapse();
  }, [wanted, panelRef]);
  const onResize = () => {
    const panel = panelRef.current;
    const ui = useUi.getState();
    if (panel === null || ui.view === 'settings') return;
    const open = !panel.isCollapsed();
    if (open !== ui.sideOpen) ui.setSideOpen(open);
  };
  return { panelRef, onResize };
}

/** The resizable frame: side list | (main area over bottom panel). Sizes persist per machine. */
export function Frame() {
  // Only the user's own drags are kept: a fold (Ctrl/Cmd+B, Settings) or a small window is not a chosen width.
  const outer = useDefaultLayout({ id: 'lambda-studio.frame', storage: localStorage, onlySaveAfterUserInteractions: true });
  const inner = useDefaultLayout({ id: 'lambda-studio.main', storage: localStorage });
  const bottom = useBottomPanel();
  const side = useSidePanel();
  return (
    <Group className="frame" orientation="horizontal" defaultLayout={outer.defaultLayout} onLayoutChanged={outer.onLayoutChanged}>
      <Panel
        id="side"
        className="side"
        panelRef={side.panelRef}
        onResize={side.onResize}
        collapsible
        collapsedSize={0}
        defaultSize={250}
        minSize={170}
        maxSize="45%"
        groupResizeBehavior="preserve-pixel-size"
      >
        <Side />
      </Panel>
      <Separator className="separator separator--vertical" />
      <Panel id="main" minSize="30%">
        <Group orientation="vertical" className="main-split" defaultLayout={inner.defaultLayout} onLayoutChanged={inner.onLayoutChanged}>
          <Panel id="work" minSize="20%" className="work">
            <Notices />
            <div className="work__content">
              <Main />
            </div>
          </Panel>
          <Separator className="separator separator--horizontal" />
          <Panel
            id="bottom"
            className="bottom"
            panelRef={bottom.panelRef}
            onResize={bottom.onResize}
            collapsible
            collapsedSize={0}
            defaultSize={190}
            minSize={90}
            maxSize="70%"
            groupResizeBehavior="preserve-pixel-size"
          >
            <BottomPanel />
          </Panel>
        </Group>
      </Panel>
    </Group>
  );
}
