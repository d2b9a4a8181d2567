import { purgeInBatches } from '../durable/store-retention.ts';
import type { DurableEngine } from '../durable/engine.ts';
import type { Handlers } from './handler-table.ts';

/** Settings' view of the local executions database: its size and counts, and a purge of the finished. */
export function createDurableStoreHandlers(engine: DurableEngine): Pick<Handlers, 'durableStore.info' | 'durableStore.purgeFinished'> {
  const info = () => {
    const counts = engine.store.statusCounts({});
    const running = counts['RUNNING'] ?? 0;
    return { path: engine.store.path, bytes: engine.store.sizeBytes(), finished: engine.store.finishedCount(), running };
  };
  return {
    'durableStore.info': async () => info(),
    'durableStore.purgeFinished': async () => {
      const bytesBefore = engine.store.sizeBytes();
      const purged = await purgeInBatches(engine.store, (limit) => engine.store.finishedExecutions(limit));
      return { purged, bytesBefore, bytesAfter: engine.store.sizeBytes() };
    },
  };
}
