import { z } from 'zod';
import { method, NoInput } from './define.ts';

/** The local durable engine's database: where it is, what it takes on disk, what it holds. */
export const DurableStoreInfo = z.object({
  /** The SQLite file (`<workspace>/.studio/durable.db`). */
  path: z.string(),
  /** On disk, its write-ahead log included. */
  bytes: z.number(),
  /** Executions that have closed (succeeded, failed, timed out, stopped). */
  finished: z.number(),
  running: z.number(),
});
export type DurableStoreInfo = z.infer<typeof DurableStoreInfo>;

export const durableStoreMethods = {
  'durableStore.info': method(NoInput, DurableStoreInfo),
  /**
   * Deletes every finished execution with its history, whatever its retention period (running
   * ones and the finished children of running ones stay), and gives the space back.
   */
  'durableStore.purgeFinished': method(NoInput, z.object({ purged: z.number(), bytesBefore: z.number(), bytesAfter: z.number() })),
};
