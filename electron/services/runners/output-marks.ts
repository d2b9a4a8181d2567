import { randomBytes } from 'node:crypto';

/**
 * The studio's bootstraps write a mark line to stdout and to stderr after the handler returns
 * and before they post its answer, and say so with the Runtime API's `OUTPUT_MARKED_HEADER` on that post.
 * Each stream keeps its order, so once both marks of a request have been read, every line the
 * handler wrote before answering has been read too, however far a container's output lags
 * behind its HTTP answer. The mark carries a secret the bootstrap takes out of the environment
 * before it loads the handler: no handler output can pass for one.
 */
export const OUTPUT_MARK_ENV = '_LAMBDA_STUDIO_OUTPUT_MARK';
const MARK_WORD = 'LAMBDA_STUDIO_OUTPUT_MARK';

/** How long a sandbox waits for marks that were announced but have not come (a handler that closed its stdout, say). */
export const MARK_WAIT_MS = 200;

export type OutputStream = 'stdout' | 'stderr';

/** The marks of one sandbox: its secret, what has been read, and who waits for what. */
export interface OutputMarks {
  /** The secret, for the sandbox's environment. */
  secret: string;
  /**
   * Takes a mark off the end of a line read from `stream`. Returns the line's own text, or
   * undefined when the line was nothing but a mark. A handler's last line without a newline
   * has the mark appended to it, hence the end and not the whole line.
   */
  strip(stream: OutputStream, line: string): string | undefined;
  /** Resolves true once both marks of `requestId` have been read, false after `maxMs` without them. */
  arrived(requestId: string, maxMs: number): Promise<boolean>;
}

export function createOutputMarks(): OutputMarks {
  const secret = randomBytes(16).toString('hex');
  const prefix = `${MARK_WORD} ${secret} `;
  // Each stream's marks come in order, so the last one read says how far that stream is.
  const last: Record<OutputStream, string> = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const both = (requestId: string) => last.stdout === requestId && last.stderr === requestId;

  return {
    secret,
    strip(stream, line) {
      const at = line.lastIndexOf(prefix);
      if (at === -1) return line;
      const requestId = line.slice(at + prefix.length);
      if (requestId === '' || requestId.includes(' ')) return line;
      last[stream] = requestId;
      for (const wake of waiters) wake();
      return at === 0 ? undefined : line.slice(0, at);
    },
    arrived(requestId, maxMs) {
      if (both(requestId)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(value);
        };
        const check = () => {
          if (both(requestId)) done(true);
        };
        const timer = setTimeout(() => done(false), maxMs);
        waiters.add(check);
      });
    },
  };
}
