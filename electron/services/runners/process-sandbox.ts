import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { type RuntimeAnswer, startSandboxRuntimeApi } from '../runtime/runtime-api-server.ts';
import { createMemoryReader } from './proc-memory.ts';
import { guardProcessGroup, releaseProcessGroup } from './sandbox-guardian.ts';
import { failureDocument, reportLine } from './report.ts';
import { createOutputMarks, MARK_WAIT_MS, OUTPUT_MARK_ENV, type OutputStream } from './output-marks.ts';
import type { AnswerListener, InvocationResult, Sandbox, SandboxChild, SandboxCommand, SandboxExit, SandboxFunction, SandboxInvocation, SandboxLogLine } from './sandbox-types.ts';

/** Lambda gives init 10 s of its own before the invoke's timeout applies. */
export const INIT_LIMIT_MS = 10_000;
const MEMORY_POLL_MS = 25;

/** What starting one process sandbox needs. */
export interface ProcessSandboxOptions {
  version: SandboxFunction;
  /** Builds the command once the sandbox's Runtime API address is known (the output marks' secret is added to its environment). */
  command(runtimeApi: string): SandboxCommand;
  onLog(line: SandboxLogLine): void;
}

/** What starting any sandbox needs: how to launch its program once its Runtime API listens. */
export interface SandboxOptions {
  version: SandboxFunction;
  /**
   * Starts the program; throws when it cannot even be attempted (the sandbox is then not created).
   * `outputMark` goes into its environment as `OUTPUT_MARK_ENV`: the studio's bootstraps then mark
   * where each invocation's output ends (see output-marks.ts).
   */
  launch(runtimeApi: string, outputMark: string): Promise<SandboxChild>;
  onLog(line: SandboxLogLine): void;
}

type Exit = SandboxExit;
type InitOutcome = { kind: 'ready' } | { kind: 'init-error'; body: Buffer; errorType?: string } | { kind: 'exit'; exit: Exit } | { kind: 'init-timeout' };
type RunOutcome = RuntimeAnswer | { kind: 'exit'; exit: Exit } | { kind: 'timeout' };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round2 = (ms: number) => Math.round(ms * 100) / 100;
const SIGNAL_TEXT: Record<string, string> = { SIGKILL: 'killed', SIGSEGV: 'segmentation fault', SIGABRT: 'aborted', SIGTERM: 'terminated', SIGBUS: 'bus error' };
const exitText = (exit: Exit) => (exit.signal === null ? `exit status ${exit.code ?? 0}` : `signal: ${SIGNAL_TEXT[exit.signal] ?? exit.signal}`);

/** A child process in its own process group, as a sandbox program. */
export function spawnChild(cmd: SandboxCommand): SandboxChild {
  const child = spawn(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // Its own group (detached), which ends with the studio even while frozen.
  const pgid = child.pid;
  if (pgid !== undefined) guardProcessGroup(pgid);
  let running = true;
  const exited = new Promise<SandboxExit & { startError?: string }>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      if (pgid !== undefined) releaseProcessGroup(pgid);
      resolve({ code, signal });
    });
    child.on('error', (error) => {
      running = false;
      resolve({ code: 127, signal: null, startError: `Could not start the sandbox (${cmd.command}): ${error.message}` });
    });
  });
  // The whole process group, so processes the handler started stop and go on with it.
  const signalGroup = async (signal: NodeJS.Signals) => {
    if (!running || child.pid === undefined) throw new Error('The sandbox process has ended.');
    process.kill(-child.pid, signal);
  };
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    memoryPid: () => child.pid,
    exited,
    kill() {
      if (!running) return;
      // SIGKILL ends a stopped process too: a frozen sandbox needs no SIGCONT first.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    },
    freeze: () => signalGroup('SIGSTOP'),
    thaw: () => signalGroup('SIGCONT'),
  };
}

/** Starts a sandbox running `options.command` as a child process of the host. */
export function startProcessSandbox(options: ProcessSandboxOptions): Promise<Sandbox> {
  return startSandbox({
    version: options.version,
    onLog: options.onLog,
    launch: async (runtimeApi, outputMark) => {
      const command = options.command(runtimeApi);
      return spawnChild({ ...command, env: { ...command.env, [OUTPUT_MARK_ENV]: outputMark } });
    },
  });
}

/**
 * Starts a sandbox: a program (process or container) running a bootstrap that pulls work from
 * its own Runtime API. The host enforces the timeout and memory size and turns every way a
 * program can fail into Lambda's error for the caller; a sandbox that failed is dead and never reused.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { version } = options;
  const id = randomUUID();
  const spawnedAt = performance.now();
  let readyAt: number | undefined;
  let servedAny = false;
  let initError: { body: Buffer; errorType?: string } | undefined;
  let outOfMemory = false;
  // Set when the memory limit itself ended the program (the host's watch or the container's kernel), not V8.
  let hitLimit = false;
  let peakMb = 0;
  let alive = true;
  // Memory is watched while the sandbox initializes or works; an idle one costs nothing to keep.
  let watching = true;
  let requestId = '';
  let lines: string[] = [];
  // From the moment an invocation is taken until its runtime answers (or it ends otherwise).
  let pending = false;
  // The freeze since the last answer, in progress or done; false once it failed.
  let frozen: Promise<boolean> | undefined;
  // Set when the sandbox was stopped while frozen: see `kill`.
  let killedFrozen = false;
  const memory = createMemoryReader();
  const marks = createOutputMarks();
  const wake = new Set<() => void>();
  const notify = () => {
    for (const fn of wake) fn();
  };

  const api = await startSandboxRuntimeApi({
    onNext() {
      readyAt ??= performance.now();
      notify();
      // Lambda's invoke phase ends when the runtime, having answered, asks for the next event,
      // and the environment is frozen then: the runtime's own bookkeeping after its answer still
      // runs, nothing else does. Timers, un-awaited promises and the losing branch of a race
      // wait for the invocation that thaws the sandbox, as they would on AWS.
      if (servedAny && !pending) freeze();
    },
    onInitError(body, errorType) {
      initError = errorType === undefined ? { body } : { body, errorType };
      notify();
    },
  });
  let child: SandboxChild;
  try {
    child = await options.launch(api.address, marks.secret);
  } catch (error) {
    api.abandon();
    await api.close();
    throw error;
  }

  const emit = (line: string) => {
    lines.push(line);
    options.onLog({ functionName: version.functionName, requestId, line, timestamp: new Date().toISOString() });
  };
  const onOutput = (stream: OutputStream, read: string) => {
    const line = marks.strip(stream, read);
    if (line === undefined || killedFrozen) return;
    if (/JavaScript heap out of memory|Reached heap limit/.test(line)) outOfMemory = true;
    // Runtimes write a multi-line record with \r between its lines so it stays one record.
    emit(line.replace(/\r/g, '\n'));
  };
  if (child.stdout !== null) createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => onOutput('stdout', line));
  if (child.stderr !== null) createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => onOutput('stderr', line));

  const kill = () => {
    if (!alive) return;
    alive = false;
    // Work a frozen sandbox left behind never runs on AWS once it is reaped. An engine may thaw
    // a paused container to kill it (cgroup v1: the container's init must run to die, and the
    // runtime runs meanwhile); whatever that moment lets it write is not the function's.
    killedFrozen = frozen !== undefined;
    child.kill();
  };
  function freeze(): void {
    if (frozen !== undefined || !alive) return;
    // A program that cannot be paused (it just ended) is simply left as it is.
    frozen = child.freeze().then(
      () => true,
      () => false,
    );
  }
  const thaw = async (): Promise<void> => {
    const freezing = frozen;
    frozen = undefined;
    if (freezing === undefined || !(await freezing) || !alive) return;
    try {
      await child.thaw();
    } catch (error) {
      emit(`The sandbox could not be resumed: ${(error as Error).message}`);
      kill();
    }
  };
  const exited: Promise<Exit> = child.exited.then((exit) => {
    if (exit.startError !== undefined) emit(exit.startError);
    if (exit.outOfMemory === true) outOfMemory = hitLimit = true;
    alive = false;
    clearInterval(watch);
    memory.close();
    api.abandon();
    void api.close();
    notify();
    return { code: exit.code, signal: exit.signal };
  });
  const watch = setInterval(() => {
    const pid = child.memoryPid();
    if (pid === undefined || !alive || !watching) return;
    const usedMb = memory.read(pid);
    if (usedMb === undefined) return;
    peakMb = Math.max(peakMb, usedMb);
    if (usedMb > version.memorySize && alive) {
      outOfMemory = hitLimit = true;
      kill();
    }
  }, MEMORY_POLL_MS);

  /** Waits until `test` yields a value, re-checking whenever the sandbox reports anything. */
  const until = <T>(test: () => T | undefined, exitValue: (exit: Exit) => T): Promise<T> =>
    new Promise<T>((resolve) => {
      const check = () => {
        const value = test();
        if (value !== undefined) {
          wake.delete(check);
          resolve(value);
        }
      };
      wake.add(check);
      void exited.then(async (exit) => {
        await delay(20); // an /init/error posted just before exiting may still be in flight
        wake.delete(check);
        resolve(test() ?? exitValue(exit));
      });
      check();
    });

  const waitInit = async (): Promise<InitOutcome> => {
    // The init limit's timer must go with the race: left running it would hold the host's event loop open.
    let limit: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        until<InitOutcome>(
          () => (initError !== undefined ? { kind: 'init-error', ...initError } : readyAt !== undefined ? { kind: 'ready' } : undefined),
          (exit) => ({ kind: 'exit', exit }),
        ),
        new Promise<InitOutcome>((resolve) => {
          limit = setTimeout(() => resolve({ kind: 'init-timeout' }), INIT_LIMIT_MS);
        }),
      ]);
    } finally {
      clearTimeout(limit);
    }
  };

  const flushOutput = async (careful: boolean, marked: boolean) => {
    // A runtime that marked its output has, once both marks are read, nothing of this invocation
    // left in flight: no turn of the loop and no quiet spell is needed. Marks that do not come
    // (the handler closed its stdout) are waited for briefly, then the invocation ends without them.
    if (marked) {
      await marks.arrived(requestId, MARK_WAIT_MS);
      return;
    }
    // Other runtimes (aws-lambda-ric, official images) write their log lines before they answer.
    // A pipe written before the answer's socket is read in the same turn of the loop, so one turn
    // suffices for a process; a container's output comes through the engine's stream and gets a few.
    const turns = child.settleOutput === undefined ? 1 : 3;
    for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    // A failure or a cold start is where a missing line hurts most, and a few milliseconds cost
    // least; a warm success keeps its speed.
    if (careful) await child.settleOutput?.({ quietMs: 10, maxMs: 300 });
  };

  const finish = async (startedAt: number, initMs: number | undefined, payload: Buffer, errorType: string | undefined, runtimeFailure: boolean, status?: string, marked = false): Promise<InvocationResult> => {
    const durationMs = round2(performance.now() - startedAt);
    watching = false;
    await flushOutput(errorType !== undefined || initMs !== undefined, marked);
    const pid = child.memoryPid();
    if (pid !== undefined && alive) {
      // REPORT's figure is the same measure the limit uses: the peak of the samples, and now.
      peakMb = Math.max(peakMb, memory.read(pid) ?? 0);
    }
    // A kernel kill can come between two samples, the last one far below the limit; the program
    // used its whole size then, and Lambda reports that.
    if (hitLimit) peakMb = Math.max(peakMb, version.memorySize);
    const report = { durationMs, billedDurationMs: Math.max(1, Math.ceil(durationMs)), maxMemoryUsedMb: Math.max(1, Math.ceil(peakMb)), ...(initMs === undefined ? {} : { initDurationMs: round2(initMs) }) };
    emit(`END RequestId: ${requestId}`);
    emit(reportLine(requestId, version.memorySize, report, status));
    const result: InvocationResult = { requestId, payload, runtimeFailure, logs: lines.slice(), ...report };
    return errorType === undefined ? result : { ...result, errorType };
  };

  const invoke = async (invocation: SandboxInvocation, onAnswer?: AnswerListener): Promise<InvocationResult> => {
    requestId = invocation.requestId;
    lines = [];
    watching = true;
    pending = true;
    // The first invocation is the cold one, even when the runtime was ready before it came.
    const cold = !servedAny;
    servedAny = true;
    let initMs: number | undefined;
    if (cold) {
      const init = await waitInit();
      initMs = (readyAt ?? performance.now()) - spawnedAt;
      if (init.kind !== 'ready') {
        kill();
        emit(`START RequestId: ${requestId} Version: ${version.version}`);
        const failed = init.kind === 'init-error'
          ? { type: init.errorType ?? 'Runtime.Unknown', body: init.body }
          : init.kind === 'init-timeout'
            ? failureDocument('Sandbox.Timedout', requestId, `INIT phase timed out after ${(INIT_LIMIT_MS / 1000).toFixed(2)} seconds`)
            : failureDocument(outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError', requestId, `Runtime exited with error: ${exitText(init.exit)}`);
        return finish(performance.now(), initMs, failed.body, failed.type, init.kind !== 'init-error', `error\tError Type: ${failed.type}`);
      }
    }
    emit(`START RequestId: ${requestId} Version: ${version.version}`);
    // After START and with this invocation's request id: what the thawed work writes is logged
    // under the invocation that resumed it. The thaw is the platform's time, not the function's.
    await thaw();
    const startedAt = performance.now();
    const timeoutMs = version.timeout * 1000;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race<RunOutcome>([
      api.dispatch({ ...invocation, deadlineMs: Date.now() + timeoutMs }),
      exited.then((exit): RunOutcome => ({ kind: 'exit', exit })),
      new Promise<RunOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    pending = false;
    if (outcome.kind === 'response' || outcome.kind === 'error') {
      const errorType = outcome.kind === 'error' ? (outcome.errorType ?? 'Unhandled') : undefined;
      // The runtime's 202 goes out on the next turn of the loop, after the caller's answer has
      // been written: at once when the caller is answered early, else after END and REPORT.
      if (onAnswer !== undefined) {
        onAnswer(errorType === undefined ? { requestId, payload: outcome.body } : { requestId, payload: outcome.body, errorType });
        setImmediate(outcome.acknowledge);
      }
      try {
        return await finish(startedAt, initMs, outcome.body, errorType, errorType?.startsWith('Runtime.') ?? false, undefined, outcome.outputMarked);
      } finally {
        if (onAnswer === undefined) setImmediate(outcome.acknowledge);
      }
    }
    if (outcome.kind === 'response-too-large') {
      const failed = failureDocument('Function.ResponseSizeTooLarge', undefined, `Response payload size (${outcome.size} bytes) exceeded maximum allowed payload size (6291556 bytes).`);
      return finish(startedAt, initMs, failed.body, failed.type, true);
    }
    kill();
    api.abandon();
    if (outcome.kind === 'timeout') {
      const seconds = version.timeout.toFixed(2);
      emit(`${new Date().toISOString()} ${requestId} Task timed out after ${seconds} seconds`);
      const failed = failureDocument('Sandbox.Timedout', requestId, `Task timed out after ${seconds} seconds`);
      return finish(startedAt, initMs, failed.body, failed.type, true, 'timeout');
    }
    const type = outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    const failed = failureDocument(type, requestId, `Runtime exited with error: ${exitText(outcome.exit)}`);
    return finish(startedAt, initMs, failed.body, type, true, `error\tError Type: ${type}`);
  };

  return {
    id,
    get alive() {
      return alive;
    },
    invoke,
    kill,
  };
}
