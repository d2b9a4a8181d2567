import { z } from 'zod';
import { FunctionName } from '../workspace/function-config.ts';
import { Done, method } from './define.ts';

/** A function's running schedule: the times it fires next, as ISO strings (UTC). */
export const ScheduleStatus = z.object({
  /** Empty when the function has no schedule running (none, off, or not saved yet). */
  next: z.array(z.string()),
});
export type ScheduleStatus = z.infer<typeof ScheduleStatus>;

const ByFunction = z.object({ functionName: FunctionName }).strict();

export const schedulesMethods = {
  'schedules.status': method(ByFunction, ScheduleStatus),
  /** Runs the function now with a scheduled event for this moment, as its schedule would. */
  'schedules.fireNow': method(ByFunction, Done),
};
