import type { WireError, WireResult } from './errors.ts';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './index.ts';

/**
 * What a host exposes to the renderer. The Electron preload and the HTTP/WebSocket
 * client both implement exactly this, so the renderer cannot tell them apart.
 */
export interface Transport {
  invoke(method: string, input: unknown): Promise<WireResult>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** A failed call as the renderer sees it: the host's code, message and details. */
export class ApiError extends Error {
  readonly code: WireError['code'];
  readonly details: string | undefined;

  constructor(error: WireError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** The typed face of a transport. */
export interface Api {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): Api {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error);
      // The host validated the output against the same contract before sending it.
      return result.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  };
}
