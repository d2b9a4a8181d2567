import { z } from 'zod';

/** One contract method: the schema its input must satisfy and the schema of what it returns. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/** Declares a method; a function rather than a literal so each table keeps its precise types. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

/** Input for methods that take nothing. */
export const NoInput = z.object({}).strict();

/** Output for methods that return nothing. */
export const Done = z.object({ ok: z.literal(true) });
export type Done = z.infer<typeof Done>;
