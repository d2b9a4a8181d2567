import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { WorkflowName } from '../../../shared/workflow/schema.ts';
import { writeFileAtomic } from '../workspace/atomic-write.ts';

/** A run as the index keeps it; status and times come from the Lambda API when asked for. */
export const IndexedRun = z.object({
  executionArn: z.string().min(1),
  executionName: z.string().min(1),
  /** Epoch milliseconds. */
  startedMs: z.number(),
});
export type IndexedRun = z.infer<typeof IndexedRun>;

const IndexFile = z.object({ runs: z.array(IndexedRun) });

/** Runs kept per workflow; older ones stay in the Executions view, only this list forgets them. */
export const RUNS_KEPT = 200;

/**
 * Which executions of the workflow runner belong to which workflow: one small file per workflow
 * in `.studio/workflow-runs/<name>.json`, newest first, so the list survives a restart and
 * the runner's executions never have to be read one by one to find a workflow's.
 */
export interface WorkflowRunIndex {
  /** Newest first. */
  list(workflow: string): Promise<IndexedRun[]>;
  add(workflow: string, run: IndexedRun): Promise<void>;
  /** The runs follow the workflow to its new name. */
  rename(from: string, to: string): Promise<void>;
  remove(workflow: string): Promise<void>;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A run index in `dir` (e.g. `<workspace>/.studio/workflow-runs`). */
export function createWorkflowRunIndex(dir: string, options: { keep?: number; log?: (message: string) => void } = {}): WorkflowRunIndex {
  const keep = options.keep ?? RUNS_KEPT;
  // Names are checked again here: they become file names.
  const fileOf = (workflow: string) => join(dir, `${WorkflowName.parse(workflow)}.json`);
  /**
   * Every read and change waits for the one before, so two runs started together are both kept.
   * One queue for all workflows: the files are tiny, and a rename touches two of them.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => {}).then(work);
    queue = next;
    return next;
  };

  const read = async (workflow: string): Promise<IndexedRun[]> => {
    let text: string;
    try {
      text = await readFile(fileOf(workflow), 'utf8');
    } catch (error) {
      if (errno(error) === 'ENOENT') return [];
      throw error;
    }
    try {
      return IndexFile.parse(JSON.parse(text)).runs;
    } catch {
      // The index is the studio's own cache; a damaged one starts over rather than blocking runs.
      options.log?.(`The run list of the workflow "${workflow}" was unreadable and starts over.`);
      return [];
    }
  };

  return {
    list: (workflow) => serial(() => read(workflow)),
    add: (workflow, run) =>
      serial(async () => {
        const runs = [run, ...(await read(workflow)).filter((r) => r.executionArn !== run.executionArn)].slice(0, keep);
        await writeFileAtomic(fileOf(workflow), `${JSON.stringify({ runs }, null, 2)}\n`);
      }),
    rename: (from, to) =>
      serial(async () => {
        if (from === to) return;
        try {
          await rename(fileOf(from), fileOf(to));
        } catch (error) {
          if (errno(error) !== 'ENOENT') throw error;
          // No runs to carry over; runs of an earlier workflow of the new name are not its.
          await rm(fileOf(to), { force: true });
        }
      }),
    remove: (workflow) => serial(() => rm(fileOf(workflow), { force: true })),
  };
}
