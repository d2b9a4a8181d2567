import { create } from 'zustand';
import type { InvocationSummary, InvocationWithLines } from '../../shared/contract/invocations.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';

/** What the function page shows: its code, every invocation of it, or its queue. */
export type FunctionView = 'code' | 'invocations' | 'queue';

interface InvocationsState {
  view: FunctionView;
  /** The loaded function's invocations, newest first; null until loaded. */
  fn: string | null;
  items: InvocationSummary[] | null;
  failure: Failure | null;
  selected: string | null;
  /** The selected invocation with its lines. */
  detail: InvocationWithLines | null;
  filter: string;
  setView(view: FunctionView): void;
  load(fn: string): Promise<void>;
  select(requestId: string | null): Promise<void>;
  setFilter(filter: string): void;
}

/** The function page's Invocations view: every invocation of the open function, from any caller, live. */
export const useInvocations = create<InvocationsState>((set, get) => ({
  view: 'code',
  fn: null,
  items: null,
  failure: null,
  selected: null,
  detail: null,
  filter: '',
  setView: (view) => set({ view }),
  async load(fn) {
    if (get().fn !== fn) set({ fn, items: null, selected: null, detail: null, failure: null });
    try {
      const items = await api().call('invocations.list', { functionName: fn });
      if (get().fn === fn) set({ items, failure: null });
    } catch (error) {
      if (get().fn === fn) set({ failure: toFailure(error, 'Could not list the invocations') });
    }
  },
  async select(requestId) {
    set({ selected: requestId, detail: requestId === get().detail?.requestId ? get().detail : null });
    if (requestId === null) return;
    try {
      const detail = await api().call('invocations.get', { requestId });
      if (get().selected === requestId) set({ detail });
    } catch (error) {
      if (get().selected === requestId) set({ failure: toFailure(error, 'Could not read the invocation') });
    }
  },
  setFilter: (filter) => set({ filter }),
}));

/** Folds a started or ended invocation into the list it belongs to, newest first. */
export function upsert(items: readonly InvocationSummary[], summary: InvocationSummary): InvocationSummary[] {
  const index = items.findIndex((i) => i.requestId === summary.requestId);
  if (index < 0) return [summary, ...items].sort((a, b) => b.startMs - a.startMs);
  const next = [...items];
  next[index] = summary;
  return next;
}

let subscribed = false;

/** Keeps the open function's invocations live: new ones as they start, their end, the selected one's lines. Called once. */
export function subscribeInvocations(): () => void {
  if (subscribed) return () => {};
  subscribed = true;
  const offChanged = api().on('invocations.changed', (summary) => {
    const { fn, items, selected } = useInvocations.getState();
    if (fn !== summary.functionName || items === null) return;
    useInvocations.setState({ items: upsert(items, summary) });
    if (selected === summary.requestId && summary.status !== 'running') void useInvocations.getState().select(selected);
  });
  const offLines = api().on('invoke.log', (line) => {
    const { detail } = useInvocations.getState();
    if (detail === null || detail.requestId !== line.requestId || detail.status !== 'running') return;
    useInvocations.setState({ detail: { ...detail, lines: [...detail.lines, { timestamp: line.timestamp, line: line.line }] } });
  });
  return () => {
    subscribed = false;
    offChanged();
    offLines();
  };
}
