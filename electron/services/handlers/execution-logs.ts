import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExecutionLogLine } from '../../../shared/contract/executions.ts';

/** What the store needs from the Lambda service: its stream of sandbox log lines. */
export interface LogSource {
  onLog(listener: (line: { line: string; requestId: string; timestamp: string }) => void): () => void;
}

export interface ExecutionLogs {
  lines(executionArn: string): Promise<ExecutionLogLine[]>;
  /** Writes what is still buffered; the store keeps working after it. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface ExecutionLogLimits {
  /** How many lines one execution keeps; a chatty loop should not take the studio's memory or disk. */
  perExecution: number;
  /** How many executions stay in memory; older ones are read back from disk when asked for. */
  executions: number;
}

const LIMITS: ExecutionLogLimits = { perExecution: 5_000, executions: 200 };
const FLUSH_MS = 200;

/** Reads one durable-logger JSON line; anything else (plain console output, platform lines) is not one. */
function parseDurableLine(line: string, requestId: string, timestamp: string): { arn: string; entry: ExecutionLogLine } | undefined {
  if (!line.startsWith('{') || !line.includes('"executionArn"')) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const arn = doc['executionArn'];
  if (typeof arn !== 'string') return undefined;
  const text = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : undefined);
  const message = doc['message'];
  const operationId = text('operationId');
  const operationName = text('operationName');
  const attempt = doc['attempt'];
  return {
    arn,
    entry: {
      timestamp: text('timestamp') ?? timestamp,
      level: text('level') ?? 'INFO',
      message: typeof message === 'string' ? message : JSON.stringify(message),
      requestId: text('requestId') ?? requestId,
      ...(operationId === undefined ? {} : { operationId }),
      ...(operationName === undefined ? {} : { operationName }),
      ...(typeof attempt === 'number' ? { attempt } : {}),
    },
  };
}

/**
 * Reads the durable SDK logger's JSON lines out of the sandbox log stream and files them under
 * their execution, with the operation and attempt the SDK stamped on them. With a folder, each
 * execution's lines are also appended to `<folder>/<hash of the ARN>.jsonl`, so they outlive the
 * studio like the execution does. Plain console output stays in the invoke log only: nothing says
 * which operation wrote it.
 */
export function createExecutionLogs(source: LogSource, options: { dir?: string; limits?: ExecutionLogLimits; log?: (message: string, error?: unknown) => void } = {}): ExecutionLogs {
  const limits = options.limits ?? LIMITS;
  const recent = new Map<string, ExecutionLogLine[]>();
  const unwritten = new Map<string, ExecutionLogLine[]>();
  const written = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let madeDir = false;
  const fileOf = (arn: string) => join(options.dir ?? '', `${createHash('sha256').update(arn).digest('hex').slice(0, 32)}.jsonl`);

  const writeOut = async () => {
    if (options.dir === undefined || unwritten.size === 0) return;
    const batch = [...unwritten.entries()];
    unwritten.clear();
    try {
      if (!madeDir) {
        await mkdir(options.dir, { recursive: true });
        madeDir = true;
      }
      for (const [arn, entries] of batch) {
        const room = limits.perExecution - (written.get(arn) ?? 0);
        const kept = entries.slice(0, Math.max(0, room));
        if (kept.length === 0) continue;
        written.set(arn, (written.get(arn) ?? 0) + kept.length);
        await appendFile(fileOf(arn), kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
      }
    } catch (error) {
      options.log?.('Could not keep execution log lines on disk', error);
    }
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(writeOut);
    return writing;
  };

  const stop = source.onLog(({ line, requestId, timestamp }) => {
    const parsed = parseDurableLine(line, requestId, timestamp);
    if (parsed === undefined) return;
    const { arn, entry } = parsed;
    let list = recent.get(arn);
    if (list === undefined) {
      // Oldest execution out first (a Map keeps insertion order); its lines stay on disk.
      if (recent.size >= limits.executions) recent.delete(recent.keys().next().value ?? '');
      list = [];
      recent.set(arn, list);
    }
    list.push(entry);
    if (list.length > limits.perExecution) list.splice(0, list.length - limits.perExecution);
    if (options.dir !== undefined) {
      const pending = unwritten.get(arn);
      if (pending === undefined) unwritten.set(arn, [entry]);
      else pending.push(entry);
      timer ??= setTimeout(() => void flush(), FLUSH_MS);
    }
  });

  return {
    async lines(arn) {
      const inMemory = recent.get(arn);
      if (inMemory !== undefined || options.dir === undefined) return [...(inMemory ?? [])];
      await flush();
      let text: string;
      try {
        text = await readFile(fileOf(arn), 'utf8');
      } catch {
        return [];
      }
      const lines: ExecutionLogLine[] = [];
      for (const raw of text.split('\n')) {
        if (raw === '') continue;
        try {
          const parsed = ExecutionLogLine.safeParse(JSON.parse(raw));
          if (parsed.success) lines.push(parsed.data);
        } catch {
          // A line cut short by a crash: the rest still reads.
        }
      }
      return lines.slice(-limits.perExecution);
    },
    flush,
    async close() {
      stop();
      await flush();
    },
  };
}
