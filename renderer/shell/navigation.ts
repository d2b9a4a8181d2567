import { useEditor } from '../editor/editor-store.ts';
import { useDetail } from '../executions/detail-store.ts';
import { useExecutions } from '../executions/executions-store.ts';
import { useUi, type View } from './ui-store.ts';

/** Where the user is: the area, and what it shows (the open function, the open execution). */
export interface Place {
  view: View;
  subject: string | null;
}

interface Entry {
  studio: number;
  place: Place;
}

const VIEWS: readonly View[] = ['functions', 'workflows', 'executions', 'approvals', 'settings'];

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { studio, place } = value as Partial<Entry>;
  return typeof studio === 'number' && typeof place === 'object' && place !== null && VIEWS.includes(place.view) && (place.subject === null || typeof place.subject === 'string');
}

export function samePlace(a: Place, b: Place): boolean {
  return a.view === b.view && a.subject === b.subject;
}

/** The place the studio shows now, read from the stores. */
export function currentPlace(): Place {
  const view = useUi.getState().view;
  if (view === 'functions') return { view, subject: useEditor.getState().fn };
  if (view === 'executions') return { view, subject: useExecutions.getState().openArn };
  return { view, subject: null };
}

async function show(place: Place): Promise<void> {
  if (place.view === 'executions') {
    if (place.subject === null) useDetail.getState().clear();
    useExecutions.getState().open(place.subject);
  }
  useUi.getState().setView(place.view);
  if (place.view === 'functions' && place.subject !== useEditor.getState().fn) {
    if (place.subject === null) useEditor.getState().close();
    else await useEditor.getState().open(place.subject);
  }
}

/** The entry the studio is on (or is on its way to: history moves asynchronously), and the newest one. */
let index = 0;
let last = 0;
let current: Place | null = null;
let restoring = 0;

function record(): void {
  if (restoring > 0 || current === null) return;
  const place = currentPlace();
  if (samePlace(place, current)) return;
  current = place;
  index += 1;
  last = index;
  history.pushState({ studio: index, place } satisfies Entry, '');
}

async function restore(entry: Entry): Promise<void> {
  restoring += 1;
  index = entry.studio;
  last = Math.max(last, index);
  current = entry.place;
  try {
    await show(entry.place);
  } finally {
    restoring -= 1;
    if (restoring === 0) {
      // A function that is gone leaves the editor elsewhere: the entry says where the studio really is.
      current = currentPlace();
      history.replaceState({ studio: index, place: current } satisfies Entry, '');
    }
  }
}

/** Back to the previous place, never past the studio's first page. */
export function goBack(): void {
  if (index <= 0) return;
  // Counted now: several presses before the first popstate must not walk out of the studio.
  index -= 1;
  history.back();
}

export function goForward(): void {
  if (index >= last) return;
  index += 1;
  history.forward();
}

/**
 * Keeps a browser history entry per place, so the studio's back and forward (keys, mouse buttons,
 * the browser's own buttons in serve mode) walk through the pages visited. Returns the cleanup.
 */
export function startNavigation(): () => void {
  current = currentPlace();
  // A reload keeps the history: continue its count so Back still stops at the first page.
  index = isEntry(history.state) ? history.state.studio : 0;
  last = index;
  history.replaceState({ studio: index, place: current } satisfies Entry, '');
  const offUi = useUi.subscribe(record);
  const offEditor = useEditor.subscribe(record);
  const offExecutions = useExecutions.subscribe(record);
  const onPopState = (event: PopStateEvent) => {
    if (isEntry(event.state)) void restore(event.state);
  };
  // Mouse buttons 3 and 4 are Back and Forward; the page handles them, so a browser does not also leave it.
  const onMouseUp = (event: MouseEvent) => {
    if (event.button !== 3 && event.button !== 4) return;
    event.preventDefault();
    if (event.button === 3) goBack();
    else goForward();
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener('mouseup', onMouseUp);
  return () => {
    offUi();
    offEditor();
    offExecutions();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('mouseup', onMouseUp);
  };
}
