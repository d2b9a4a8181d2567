import type { ErrorObject, Operation } from './wire.ts';

/**
 * History events in Lambda's `Event` shape. Stored ready to send: timestamps already in
 * epoch seconds, exactly one `<EventType>Details` member (present even when empty).
 */
export type HistoryEvent = Record<string, unknown>;

/** Epoch milliseconds to the epoch seconds Lambda's JSON carries. */
export const seconds = (ms: number): number => ms / 1000;

/** `{Payload, Truncated}` as Lambda wraps results and inputs; an absent payload stays absent. */
export function payloadOf(value: string | undefined): { Payload?: string; Truncated: boolean } {
  return value === undefined ? { Truncated: false } : { Payload: value, Truncated: false };
}

/** `{Payload, Truncated}` around an error object, as history events carry errors. */
export function errorOf(error: ErrorObject | undefined): { Payload?: ErrorObject; Truncated: boolean } {
  return error === undefined ? { Truncated: false } : { Payload: error, Truncated: false };
}

/** An event about one operation: the envelope copies the operation's identity. */
export function operationEvent(eventType: string, op: Operation, nowMs: number, details: Record<string, unknown>): HistoryEvent {
  const event: HistoryEvent = { EventType: eventType, EventTimestamp: seconds(nowMs), Id: op.Id };
  if (op.SubType !== undefined) event['SubType'] = op.SubType;
  if (op.Name !== undefined) event['Name'] = op.Name;
  if (op.ParentId !== undefined) event['ParentId'] = op.ParentId;
  event[`${eventType}Details`] = details;
  return event;
}

/** The `InvocationCompleted` event closing one run of the handler. */
export function invocationCompletedEvent(startMs: number, endMs: number, requestId: string, error?: ErrorObject): HistoryEvent {
  return {
    EventType: 'InvocationCompleted',
    EventTimestamp: seconds(endMs),
    InvocationCompletedDetails: {
      StartTimestamp: seconds(startMs),
      EndTimestamp: seconds(endMs),
      RequestId: requestId,
      Error: error === undefined ? {} : { Payload: error, Truncated: false },
    },
  };
}

const PAYLOAD_HOLDERS = ['Input', 'Result', 'Error'];

/** A copy of `event` without payloads (GetDurableExecutionHistory with IncludeExecutionData=false). */
export function withoutExecutionData(event: HistoryEvent): HistoryEvent {
  const copy = structuredClone(event);
  for (const [key, value] of Object.entries(copy)) {
    if (!key.endsWith('Details') || typeof value !== 'object' || value === null) continue;
    for (const holder of PAYLOAD_HOLDERS) {
      const inner = (value as Record<string, unknown>)[holder];
      if (typeof inner === 'object' && inner !== null) delete (inner as Record<string, unknown>)['Payload'];
    }
  }
  return copy;
}
