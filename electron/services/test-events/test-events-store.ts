import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { TestEvent } from '../../../shared/contract/invoke.ts';
import { assertJson } from '../../../shared/json/assert-json.ts';
import { writeFileAtomic } from '../workspace/atomic-write.ts';

/** Saved test events of a workspace: `events/<function>/<name>.json`, plain files a user can keep in git. */
export interface TestEventsStore {
  list(functionName: string): Promise<TestEvent[]>;
  /** Refuses text that is not JSON, so a saved event always parses when it is used. */
  save(functionName: string, event: TestEvent): Promise<void>;
  remove(functionName: string, name: string): Promise<void>;
}

export function createTestEventsStore(workspaceRoot: string): TestEventsStore {
  const folderOf = (functionName: string) => join(workspaceRoot, 'events', functionName);

  return {
    async list(functionName) {
      let names: string[];
      try {
        names = await readdir(folderOf(functionName));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const events = await Promise.all(
        names
          .filter((file) => file.endsWith('.json'))
          .sort((a, b) => a.localeCompare(b))
          .map(async (file) => ({
            name: file.slice(0, -'.json'.length),
            payload: await readFile(join(folderOf(functionName), file), 'utf8'),
          })),
      );
      return events;
    },

    async save(functionName, event) {
      assertJson(event.payload, `Test event "${event.name}"`);
      // A crash mid-write never leaves half an event behind, and saves at once never share a temporary file.
      await writeFileAtomic(join(folderOf(functionName), `${event.name}.json`), event.payload.endsWith('\n') ? event.payload : `${event.payload}\n`);
    },

    async remove(functionName, name) {
      const target = join(folderOf(functionName), `${name}.json`);
      try {
        await rm(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new StudioError('NOT_FOUND', `There is no saved test event "${name}" for ${functionName}.`);
        }
        throw error;
      }
    },
  };
}
