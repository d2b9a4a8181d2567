import { z } from 'zod';
import { method, NoInput } from './define.ts';

export const AppInfo = z.object({
  version: z.string(),
  /** Absolute path of the open workspace folder. */
  workspace: z.string(),
  /** Which host answers: the desktop app over IPC, or `serve` over HTTP. */
  host: z.enum(['electron', 'serve']),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A type declaration file handed to Monaco so handlers get IntelliSense offline. */
export const TypeLibrary = z.object({
  /** Virtual path, e.g. `file:///node_modules/@types/aws-lambda/index.d.ts`. */
  path: z.string(),
  content: z.string(),
});
export type TypeLibrary = z.infer<typeof TypeLibrary>;

export const appMethods = {
  'app.info': method(NoInput, AppInfo),
  'editor.typeLibraries': method(NoInput, z.array(TypeLibrary)),
};
