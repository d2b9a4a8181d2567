import {
  contract,
  describeIssues,
  isMethodName,
  StudioError,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type WireResult,
} from '../../../shared/contract/index.ts';

/** One implementation per contract method; inputs arrive already validated. */
export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** The single entry point both transports call: validate, run, validate, wrap. */
export type Dispatch = (method: string, rawInput: unknown) => Promise<WireResult>;

export function createDispatch(handlers: Handlers, log: (message: string, error: unknown) => void = () => {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no method named "${method}".` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'BAD_INPUT', message: `The request to ${method} is not valid.`, details: describeIssues(parsed.error) },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log(`${method} returned a value outside the contract`, checked.error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `${method} returned an unexpected result.`, details: describeIssues(checked.error) },
        };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof StudioError) return { ok: false, error: error.toWire() };
      log(`${method} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `${method} failed: ${message}`,
          ...(error instanceof Error && error.stack ? { details: error.stack } : {}),
        },
      };
    }
  };
}
