import type { EventName, EventPayload } from '../../../shared/contract/index.ts';

/** Hears every contract event; transports forward them to their clients. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where services publish contract events and transports pick them up. */
export interface EventHub {
  emit: EventSink;
  /** Registers a sink for every event; returns the function that removes it. */
  subscribe(sink: (event: EventName, payload: unknown) => void): () => void;
}

/** A synchronous fan-out; a failing sink is reported and never stops the others. */
export function createEventHub(onSinkError: (error: unknown) => void = () => {}): EventHub {
  const sinks = new Set<(event: EventName, payload: unknown) => void>();
  return {
    emit(event, payload) {
      for (const sink of [...sinks]) {
        try {
          sink(event, payload);
        } catch (error) {
          onSinkError(error);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => {
        sinks.delete(sink);
      };
    },
  };
}
