import { copyFile, constants, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { WorkflowDetail, WorkflowSummary } from '../../../shared/contract/workflows.ts';
import { formatWorkflow, readWorkflow } from '../../../shared/workflow/file-format.ts';
import { WorkflowName, type WorkflowGraph, type WorkflowGraphInput } from '../../../shared/workflow/schema.ts';
import { writeFileAtomic } from '../workspace/atomic-write.ts';
import type { WorkspaceLayout } from '../workspace/layout.ts';

/** The file name ending that makes a file in `workflows/` a workflow. */
export const WORKFLOW_FILE_SUFFIX = '.workflow.json';

/** The workflows of a workspace: `workflows/<name>.workflow.json` files. */
export interface WorkflowStore {
  list(): Promise<WorkflowSummary[]>;
  /** A file that does not parse or fit the schema comes back with `graph: null` and what is wrong. */
  get(name: string): Promise<WorkflowDetail>;
  /** A starter graph: an Input block connected to an Output block. CONFLICT when the name is taken. */
  create(name: string): Promise<WorkflowDetail>;
  /** Checks the graph against the schema and writes it with stable key order (creating the file if needed). */
  save(name: string, graph: WorkflowGraphInput): Promise<WorkflowDetail>;
  /** Moves the file as it is, even when it is broken. */
  rename(from: string, to: string): Promise<WorkflowDetail>;
  /** Copies the file as it is, even when it is broken. */
  duplicate(from: string, to: string): Promise<WorkflowDetail>;
  /** Moves the file to `.studio/trash/` rather than deleting it, so nothing is lost. */
  remove(name: string): Promise<void>;
  /** Whether `workflows/<name>.workflow.json` exists. */
  exists(name: string): Promise<boolean>;
}

/** What a new workflow starts as: its payload goes straight through to its result. */
export function starterWorkflow(): WorkflowGraph {
  return {
    version: 1,
    blocks: [
      { id: 'input', type: 'input', position: { x: 0, y: 0 } },
      { id: 'output', type: 'output', position: { x: 0, y: 160 } },
    ],
    edges: [{ id: 'input-output', source: 'input', target: 'output' }],
  };
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function checkName(name: string): string {
  const parsed = WorkflowName.safeParse(name);
  if (!parsed.success) {
    throw new StudioError('BAD_INPUT', `"${name}" is not a valid workflow name: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

function timestamp(): string {
  return new Date().toISOString().replaceAll(':', '-').replace('.', '-');
}

/** A workflow store over a workspace's `workflows/` folder. */
export function createWorkflowStore(layout: WorkspaceLayout): WorkflowStore {
  const pathOf = (name: string) => join(layout.workflows, `${checkName(name)}${WORKFLOW_FILE_SUFFIX}`);

  const exists = async (name: string) => {
    try {
      return (await stat(pathOf(name))).isFile();
    } catch (error) {
      if (errno(error) === 'ENOENT') return false;
      throw error;
    }
  };

  const readText = async (name: string): Promise<string> => {
    try {
      return await readFile(pathOf(name), 'utf8');
    } catch (error) {
      if (errno(error) === 'ENOENT') {
        throw new StudioError('NOT_FOUND', `There is no workflow "${name}" in this workspace.`, `Looked for the file ${pathOf(name)}.`);
      }
      throw error;
    }
  };

  const get = async (name: string): Promise<WorkflowDetail> => {
    const text = await readText(name);
    const reading = readWorkflow(text);
    return reading.error === undefined ? { name, graph: reading.graph, text } : { name, graph: null, text, fileError: reading.error };
  };

  const ensureFree = async (name: string) => {
    if (await exists(name)) throw new StudioError('CONFLICT', `A workflow named "${name}" already exists. Choose another name.`);
  };

  const write = async (name: string, graph: WorkflowGraphInput) => {
    let text: string;
    try {
      text = formatWorkflow(graph);
    } catch (error) {
      throw new StudioError('INVALID_CONFIG', `The workflow "${name}" was not saved: the graph does not fit the workflow format.`, error instanceof Error ? error.message : String(error));
    }
    // Writing the bytes already there would only wake every watcher for nothing.
    const current = await readFile(pathOf(name), 'utf8').catch(() => undefined);
    if (current !== text) await writeFileAtomic(pathOf(name), text);
  };

  return {
    get,
    exists,

    async list() {
      const entries = await readdir(layout.workflows, { withFileTypes: true }).catch((error: unknown) => {
        if (errno(error) === 'ENOENT') return [];
        throw error;
      });
      const names = entries
        .filter((entry) => entry.isFile() && entry.name.endsWith(WORKFLOW_FILE_SUFFIX))
        .map((entry) => entry.name.slice(0, -WORKFLOW_FILE_SUFFIX.length))
        .filter((name) => WorkflowName.safeParse(name).success)
        .sort((a, b) => a.localeCompare(b));
      const summaries = await Promise.all(
        names.map(async (name): Promise<WorkflowSummary | undefined> => {
          let detail: WorkflowDetail;
          try {
            detail = await get(name);
          } catch (error) {
            // Deleted between the listing and the read: simply no longer there.
            if (error instanceof StudioError && error.code === 'NOT_FOUND') return undefined;
            throw error;
          }
          if (detail.graph === null) return { name, blockCount: 0, fileError: detail.fileError ?? 'The file cannot be read.' };
          const description = detail.graph.description;
          return { name, blockCount: detail.graph.blocks.length, ...(description === undefined ? {} : { description }) };
        }),
      );
      return summaries.filter((summary) => summary !== undefined);
    },

    async create(name) {
      await ensureFree(name);
      await write(name, starterWorkflow());
      return get(name);
    },

    async save(name, graph) {
      await write(name, graph);
      return get(name);
    },

    async rename(from, to) {
      const source = pathOf(from);
      await readText(from);
      if (from === to) return get(from);
      await ensureFree(to);
      await rename(source, pathOf(to));
      return get(to);
    },

    async duplicate(from, to) {
      await readText(from);
      try {
        await copyFile(pathOf(from), pathOf(to), constants.COPYFILE_EXCL);
      } catch (error) {
        if (errno(error) === 'EEXIST') throw new StudioError('CONFLICT', `A workflow named "${to}" already exists. Choose another name.`);
        throw error;
      }
      return get(to);
    },

    async remove(name) {
      const source = pathOf(name);
      await readText(name);
      await mkdir(layout.trash, { recursive: true });
      await rename(source, join(layout.trash, `${name}-${timestamp()}${WORKFLOW_FILE_SUFFIX}`));
    },
  };
}
