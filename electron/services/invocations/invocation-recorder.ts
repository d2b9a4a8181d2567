import type { InvocationLine, InvocationSummary, InvocationWithLines } from '../../../shared/contract/invocations.ts';
import type { InvocationEvent } from '../lambda/invocation-events.ts';
import type { SandboxLogLine } from '../runners/sandbox-types.ts';
import type { InvocationEnd, InvocationStore } from './invocation-store.ts';

/** What the recorder hears from the Lambda service. */
export interface InvocationSource {
  onLog(listener: (line: SandboxLogLine) => void): () => void;
  onInvocation(listener: (event: InvocationEvent) => void): () => void;
}

export interface InvocationRecorder {
  list(functionName: string): InvocationSummary[];
  /** One invocation with its lines; a running one with the lines written so far. */
  get(requestId: string): InvocationWithLines | undefined;
  ofExecution(arn: string): InvocationWithLines[];
  close(): void;
}

/** What a durable handler answered (`{"Status": "PENDING" | "SUCCEEDED" | "FAILED"}`), if it is one. */
function durableStatusOf(payload: Buffer): string | undefined {
  try {
    const doc = JSON.parse(payload.toString('utf8')) as { Status?: unknown };
    return typeof doc.Status === 'string' ? doc.Status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps every invocation the Lambda service runs, from any caller, with its lines, in the store,
 * and tells `onChange` when one starts or ends (the live Invocations view).
 */
export function createInvocationRecorder(source: InvocationSource, store: InvocationStore, options: { onChange?: (summary: InvocationSummary) => void; log?: (message: string, error?: unknown) => void } = {}): InvocationRecorder {
  const open = new Map<string, InvocationLine[]>();
  const tell = (summary: InvocationSummary | undefined) => {
    if (summary !== undefined) options.onChange?.(summary);
  };
  const guarded = (what: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      options.log?.(`Could not keep ${what}`, error);
    }
  };
  const stopInvocations = source.onInvocation((event) => {
    const { meta } = event;
    if (event.kind === 'start') {
      open.set(meta.requestId, []);
      guarded('an invocation', () => tell(store.start({ ...meta, startMs: event.startMs })));
      return;
    }
    const lines = open.get(meta.requestId) ?? [];
    open.delete(meta.requestId);
    let end: InvocationEnd;
    if ('error' in event) {
      end = { status: 'failed', endMs: event.endMs, errorType: 'Sandbox.Error', lines: [...lines, { timestamp: new Date(event.endMs).toISOString(), line: event.error }] };
    } else {
      const { result } = event;
      const durableStatus = meta.durableExecutionArn === undefined || result.errorType !== undefined ? undefined : durableStatusOf(result.payload);
      end = {
        status: result.errorType === undefined && durableStatus !== 'FAILED' ? 'succeeded' : 'failed',
        endMs: event.endMs,
        durationMs: result.durationMs,
        billedDurationMs: result.billedDurationMs,
        maxMemoryUsedMb: result.maxMemoryUsedMb,
        ...(result.initDurationMs === undefined ? {} : { initDurationMs: result.initDurationMs }),
        ...(result.errorType === undefined ? {} : { errorType: result.errorType }),
        ...(durableStatus === undefined ? {} : { durableStatus }),
        lines,
      };
    }
    guarded('an invocation', () => tell(store.end(meta.requestId, end)));
  });
  const stopLines = source.onLog((line) => {
    open.get(line.requestId)?.push({ timestamp: line.timestamp, line: line.line });
  });
  return {
    list: (functionName) => store.list(functionName),
    get(requestId) {
      const kept = store.get(requestId);
      const running = open.get(requestId);
      return kept === undefined || running === undefined ? kept : { ...kept, lines: [...running], lineCount: running.length };
    },
    ofExecution: (arn) => store.ofExecution(arn).map((inv) => (open.has(inv.requestId) ? { ...inv, lines: [...(open.get(inv.requestId) ?? [])] } : inv)),
    close() {
      stopInvocations();
      stopLines();
    },
  };
}
