import { toFailure } from '../lib/errors.ts';
import { canonicalJson } from './canonical-json.ts';
import { commitDrafts } from './drafts.ts';
import { adoptGraph, isAdopting, useGraph } from './graph-store.ts';
import { getWorkflow, saveWorkflow } from './workflows-api.ts';

/** Edits are written this long after the last one, or at once with Ctrl/Cmd+S. */
export const AUTOSAVE_MS = 700;

let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<void> | undefined;
/** The texts this window wrote (and the host's normalized copy): their file events are our own echo. */
let written = new Set<string>();

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flushSave(), AUTOSAVE_MS);
}

/** Writes pending edits now; resolves once the file holds them (or the save failed). */
export async function flushSave(): Promise<void> {
  clearTimeout(timer);
  if (inFlight !== undefined) await inFlight;
  const { name, graph, broken, save } = useGraph.getState();
  if (name === null || graph === null || broken !== null || save === 'saved') return;
  const text = canonicalJson(graph);
  useGraph.setState({ save: 'saving' });
  inFlight = (async () => {
    try {
      const detail = await saveWorkflow(name, graph);
      written = new Set([text, canonicalJson(detail.graph)]);
      if (useGraph.getState().name !== name) return;
      const current = useGraph.getState().graph;
      const clean = current === graph || canonicalJson(current) === text;
      useGraph.setState({ save: clean ? 'saved' : 'pending', saveFailure: null });
      if (!clean) schedule();
    } catch (error) {
      if (useGraph.getState().name === name) useGraph.setState({ save: 'failed', saveFailure: toFailure(error, `Could not save ${name}`) });
    } finally {
      inFlight = undefined;
    }
  })();
  await inFlight;
}

/** Ctrl/Cmd+S, Run, Export, leaving the workflow: what is typed in a field counts too. */
export function saveNow(): Promise<void> {
  commitDrafts();
  return flushSave();
}

/** The file changed on disk: take the new content unless it is our own write or our edits are about to replace it. */
export async function reloadFromDisk(name: string): Promise<void> {
  const detail = await getWorkflow(name);
  const state = useGraph.getState();
  if (state.name !== name) return;
  if (detail.graph === null) {
    // Never overwrite a file someone is in the middle of editing by hand.
    clearTimeout(timer);
    adoptGraph(name, null, { error: detail.fileError ?? 'The file could not be read.', text: detail.text });
    return;
  }
  const text = canonicalJson(detail.graph);
  if (state.broken === null && (written.has(text) || canonicalJson(state.graph) === text)) return;
  if (state.broken === null && (state.save === 'pending' || state.save === 'saving')) return;
  written = new Set([text]);
  adoptGraph(name, detail.graph, null);
}

/** Forgets the echo texts and timers of the workflow being closed. */
export function resetAutosave(): void {
  clearTimeout(timer);
  written = new Set();
}

// Every edit, undo and redo marks the workflow unsaved and schedules a write; loads do not.
useGraph.subscribe((state, previous) => {
  if (state.graph === previous.graph || isAdopting() || state.graph === null || state.name !== previous.name) return;
  if (state.save !== 'saving') useGraph.setState({ save: 'pending' });
  schedule();
});
