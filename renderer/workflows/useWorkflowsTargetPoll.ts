import { useEffect } from 'react';
import { LOCAL_TARGET_ID } from '../../shared/contract/targets.ts';
import { onCallbackAnswered } from '../executions/callback-store.ts';
import { currentTargetId, onTargetChanged } from '../targets/target-store.ts';
import { useGraph } from './graph-store.ts';
import { nextPollDelay, POLL_LIVE_MS, pollSignature, runsLive } from './run-poll.ts';
import { useRuns } from './run-store.ts';

const signature = (): string => pollSignature(useRuns.getState().events.length, useRuns.getState().runs);

/**
 * On an AWS target the studio hears of no execution change: the run on the canvas and the runs
 * list are asked again, every 2 s while something runs, backing off while nothing moves.
 */
export function useWorkflowsTargetPoll(): void {
  useEffect(() => {
    let delay = POLL_LIVE_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = stopped ? undefined : setTimeout(() => void tick(), delay);
    };
    const tick = async () => {
      timer = undefined;
      if (currentTargetId() !== LOCAL_TARGET_ID) {
        const before = signature();
        const name = useGraph.getState().name;
        await Promise.all([useRuns.getState().refresh(), name === null ? Promise.resolve() : useRuns.getState().loadRuns(name)]);
        const { view, arn, runs } = useRuns.getState();
        delay = nextPollDelay(delay, runsLive(view?.status, arn, runs), signature() !== before);
      }
      schedule();
    };
    /** Something just started or was answered: ask soon again. */
    const kick = () => {
      delay = POLL_LIVE_MS;
      schedule();
    };
    // The run store closes the run and lists the new target's runs; the poll starts over quickly.
    const offTarget = onTargetChanged(kick);
    const offShown = useRuns.subscribe((state, previous) => {
      if (state.arn !== null && state.arn !== previous.arn) kick();
    });
    const offAnswered = onCallbackAnswered(kick);
    schedule();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      offTarget();
      offShown();
      offAnswered();
    };
  }, []);
}
