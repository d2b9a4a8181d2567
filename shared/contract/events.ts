import { z } from 'zod';
import { InvokeLog } from './invoke.ts';

/** A file or folder in the workspace changed, by the studio or by anything else. */
export const WorkspaceChanged = z.object({
  kind: z.enum(['add', 'change', 'unlink', 'addDir', 'unlinkDir']),
  /** Set when the change is inside `functions/<name>/`. */
  functionName: z.string().optional(),
  /** Path relative to the workspace root, `/`-separated. */
  path: z.string(),
});
export type WorkspaceChanged = z.infer<typeof WorkspaceChanged>;

/** Every event the renderer can subscribe to, by name. */
export const contractEvents = {
  'workspace.changed': WorkspaceChanged,
  /** A log line of a running invocation, as it is written (the invoke result repeats them all). */
  'invoke.log': InvokeLog,
};
