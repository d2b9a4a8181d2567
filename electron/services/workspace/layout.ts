import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';

/** The folders of a workspace, as absolute paths. */
export interface WorkspaceLayout {
  root: string;
  functions: string;
  workflows: string;
  events: string;
  /** The studio's own state (database, logs, trash); ignored by git. */
  state: string;
  trash: string;
}

/** Where the studio opens when no folder is named. */
export function defaultWorkspaceDir(): string {
  return join(homedir(), 'LambdaStudio');
}

/** The layout of a workspace rooted at `dir` (resolved against the current directory). */
export function workspaceLayout(dir: string): WorkspaceLayout {
  const root = resolve(dir);
  const state = join(root, '.studio');
  return {
    root,
    functions: join(root, 'functions'),
    workflows: join(root, 'workflows'),
    events: join(root, 'events'),
    state,
    trash: join(state, 'trash'),
  };
}

const STATE_GITIGNORE = '# Lambda Studio state: local to this machine.\n*\n';

/**
 * Creates whatever is missing of a workspace and returns its layout. Existing files are left
 * as they are, so opening a folder someone cloned from git never changes it beyond `.studio/`.
 */
export async function openWorkspace(dir: string): Promise<WorkspaceLayout> {
  const layout = workspaceLayout(dir);
  const existing = await stat(layout.root).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new StudioError('BAD_INPUT', `${layout.root} is a file, not a folder. Choose a folder for the workspace (it is created if missing).`);
  }
  for (const folder of [layout.root, layout.functions, layout.workflows, layout.events, layout.state]) {
    await mkdir(folder, { recursive: true });
  }
  const gitignore = join(layout.state, '.gitignore');
  const current = await readFile(gitignore, 'utf8').catch(() => undefined);
  if (current === undefined) await writeFile(gitignore, STATE_GITIGNORE);
  return layout;
}
