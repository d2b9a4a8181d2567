import { z } from 'zod';
import { method, NoInput } from './define.ts';

/** Where the workspace's function URLs are served: one loopback port for every function. */
export const FunctionUrlsInfo = z.object({
  /** `http://127.0.0.1:<port>`; a function's URL is `<origin>/<function>/`. */
  origin: z.string(),
});
export type FunctionUrlsInfo = z.infer<typeof FunctionUrlsInfo>;

export const functionUrlsMethods = {
  'functionUrls.info': method(NoInput, FunctionUrlsInfo),
};
