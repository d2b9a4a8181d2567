import { useEffect } from 'react';
import { isMac } from '../shell/shortcuts.ts';
import { copyFragment, type Fragment, pasteFragment } from './clipboard.ts';
import { removeElements } from './graph-ops.ts';
import { redo, undo, useGraph } from './graph-store.ts';
import { isTyping } from './typing.ts';

/** The last copy. It also goes to the system clipboard as JSON, but is pasted from here: reading the clipboard would ask for permission. */
let copied: { fragment: Fragment; pastes: number } | null = null;

export function copySelection(): boolean {
  const { graph, view } = useGraph.getState();
  if (graph === null) return false;
  const fragment = copyFragment(graph, view.selected);
  if (fragment === null) return false;
  copied = { fragment, pastes: 0 };
  void navigator.clipboard?.writeText(JSON.stringify(fragment, null, 2)).catch(() => undefined);
  return true;
}

/** Pastes the last copy, a little further down each time so copies do not stack exactly. */
export function paste(): void {
  if (copied === null) return;
  copied.pastes += 1;
  const step = 30 * copied.pastes;
  const { graph, edit, select } = useGraph.getState();
  if (graph === null) return;
  const { graph: next, ids } = pasteFragment(graph, copied.fragment, { x: step, y: step });
  edit(() => next);
  select(ids);
}

export function deleteSelection(): void {
  const { view, edit, select } = useGraph.getState();
  edit((graph) => removeElements(graph, view.selected, view.selectedEdges));
  select([]);
}

export function selectAll(): void {
  const graph = useGraph.getState().graph;
  if (graph !== null) useGraph.getState().select(graph.blocks.map((b) => b.id));
}

/** Keys count on the Workflows page (or with nothing focused), not in the side list or the bottom panel. */
function onPage(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.wf-page') !== null);
}

/**
 * The canvas's keys: copy, paste, delete, undo, redo, select all. They stay quiet while
 * the person types in a field, so Ctrl+Z there undoes the typing and not the canvas.
 */
export function useCanvasKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const mac = isMac(navigator.platform);
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || !onPage(event.target)) return;
      const mod = mac ? event.metaKey : event.ctrlKey;
      const key = event.key.toLowerCase();
      const act = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === 'z') act(event.shiftKey ? redo : undo);
      else if (mod && key === 'y' && !mac) act(redo);
      else if (mod && key === 'c' && window.getSelection()?.toString() === '') {
        if (copySelection()) event.preventDefault();
      } else if (mod && key === 'v') act(paste);
      else if (mod && key === 'a') act(selectAll);
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) act(deleteSelection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
