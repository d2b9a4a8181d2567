import { create } from 'zustand';
import type { InvocationWithLines } from '../../shared/contract/invocations.ts';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { api } from '../api/api.ts';
import { currentTargetId } from '../targets/target-store.ts';

interface ExecutionInvocationsState {
  arn: string | null;
  /** Oldest first, each with its lines; null until loaded, empty on AWS targets (their logs are in CloudWatch). */
  items: InvocationWithLines[] | null;
  load(arn: string): Promise<void>;
  clear(): void;
}

let generation = 0;

/** The open execution's invocations and their lines, kept live from `invocations.changed` and `invoke.log`. */
export const useExecutionInvocations = create<ExecutionInvocationsState>((set, get) => ({
  arn: null,
  items: null,
  async load(arn) {
    if (get().arn !== arn) set({ arn, items: null });
    if (currentTargetId() !== LOCAL_TARGET_ID) {
      set({ items: [] });
      return;
    }
    generation += 1;
    const mine = generation;
    try {
      const items = await api().call('executions.invocations', { arn });
      if (mine === generation && get().arn === arn) set({ items });
    } catch {
      // The timeline still shows; the Logs tab says it has nothing.
      if (mine === generation && get().arn === arn) set({ items: [] });
    }
  },
  clear() {
    generation += 1;
    set({ arn: null, items: null });
  },
}));

let subscribed = false;

/** Follows the open execution's invocations as they start and end, and their lines as they are written. */
export function subscribeExecutionInvocations(): () => void {
  if (subscribed) return () => {};
  subscribed = true;
  const offChanged = api().on('invocations.changed', (summary) => {
    const { arn, load } = useExecutionInvocations.getState();
    if (arn !== null && summary.durableExecutionArn === arn) void load(arn);
  });
  const offLines = api().on('invoke.log', (line) => {
    const { items } = useExecutionInvocations.getState();
    const index = items?.findIndex((i) => i.requestId === line.requestId && i.status === 'running') ?? -1;
    if (items === null || index < 0) return;
    const target = items[index];
    if (target === undefined) return;
    const next = [...items];
    next[index] = { ...target, lines: [...target.lines, { timestamp: line.timestamp, line: line.line }] };
    useExecutionInvocations.setState({ items: next });
  });
  return () => {
    subscribed = false;
    offChanged();
    offLines();
  };
}
