// The studio's Lambda runtime for Node.js: loads the handler named by _HANDLER from
// LAMBDA_TASK_ROOT, then pulls invocations from the Lambda Runtime API at
// AWS_LAMBDA_RUNTIME_API and answers each, as the managed Node.js runtimes do.
import fs, { existsSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createRuntimeClient } from './runtime-client.mjs';

const [apiHost, apiPort] = (process.env.AWS_LAMBDA_RUNTIME_API ?? '').split(':');
const runtime = createRuntimeClient(apiHost, Number(apiPort));
const PREFIX = '/2018-06-01/runtime';
let currentRequestId = '';
// The studio's secret for output marks, taken out of the environment before the handler loads:
// handler code (and what it starts) can then never write a mark by accident or on purpose.
const outputMark = process.env._LAMBDA_STUDIO_OUTPUT_MARK ?? '';
delete process.env._LAMBDA_STUDIO_OUTPUT_MARK;
const MARKED = { 'lambda-studio-output-marked': '1' };
// Whether anything was written to stdout or stderr since the last marks, through process.stdout
// and process.stderr (console included) or straight to descriptors 1 and 2 with fs (as logging
// libraries such as pino do): an invocation that wrote nothing needs no marks, and its warm invoke
// stays as quick as without them. A child process's inherited output is not seen; the studio then
// gives the output the turns of its loop it always did.
let wroteOutput = false;
const streamWrites = new Map();
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write;
  streamWrites.set(stream, write);
  stream.write = function (...args) {
    wroteOutput = true;
    return write.apply(this, args);
  };
}
for (const name of ['write', 'writeSync', 'writev', 'writevSync']) {
  const write = fs[name];
  fs[name] = function (fd, ...rest) {
    if (fd === 1 || fd === 2) wroteOutput = true;
    return write.call(this, fd, ...rest);
  };
}
// `import { writeSync } from 'node:fs'` in the handler gets the tracked functions too.
syncBuiltinESMExports();

// Console records go to stdout as Lambda writes them: time, request id, level, message;
// newlines inside a record become \r so one record stays one line.
function patchConsole() {
  const write = (level) => (...args) => {
    const message = format(...args).replace(/\n/g, '\r');
    process.stdout.write(`${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${message}\n`);
  };
  console.log = write('INFO');
  console.info = write('INFO');
  console.warn = write('WARN');
  console.error = write('ERROR');
  console.debug = write('DEBUG');
  console.trace = write('TRACE');
}

// Writes the mark of `requestId` to stdout and stderr, after everything the invocation wrote
// there: the studio reads the answer's post, then waits for both marks before it closes the
// invocation's log, however late a container's output arrives. Resolves to the header that tells
// it so, or to none when there is no secret or a stream is gone.
async function markOutput(requestId) {
  if (outputMark === '' || !wroteOutput) return {};
  wroteOutput = false;
  const line = `LAMBDA_STUDIO_OUTPUT_MARK ${outputMark} ${requestId}\n`;
  const write = (stream) =>
    new Promise((resolve) => {
      try {
        streamWrites.get(stream).call(stream, line, (error) => resolve(!error));
      } catch {
        resolve(false);
      }
    });
  const [out, err] = await Promise.all([write(process.stdout), write(process.stderr)]);
  return out && err ? MARKED : {};
}

function errorDocument(error) {
  if (error instanceof Error) {
    const trace = (error.stack ?? '').split('\n');
    return { errorType: error.name || 'Error', errorMessage: error.message, trace, stackTrace: trace };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [], stackTrace: [] };
}

class UserCodeError extends Error {
  constructor(name, message, cause) {
    super(message);
    this.name = name;
    if (cause?.stack) this.stack = `${name}: ${message}\n${cause.stack.split('\n').slice(1).join('\n')}`;
  }
}

// "dir/file.export.path" → module "dir/file", property path "export.path".
function splitHandler(handlerString) {
  const slash = handlerString.lastIndexOf('/');
  const dot = handlerString.indexOf('.', slash + 1);
  if (dot === -1) throw new UserCodeError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}: expected file.export`);
  return { modulePath: handlerString.slice(0, dot), exportPath: handlerString.slice(dot + 1).split('.') };
}

async function loadHandler(taskRoot, handlerString) {
  const { modulePath, exportPath } = splitHandler(handlerString);
  const base = path.resolve(taskRoot, modulePath);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((candidate) => existsSync(candidate));
  if (file === undefined) {
    throw new UserCodeError('Runtime.ImportModuleError', `Error: Cannot find module '${modulePath}'\nRequire stack:\n- ${taskRoot}`);
  }
  let loaded;
  try {
    loaded = file.endsWith('.cjs') ? createRequire(file)(file) : await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`, error);
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') {
      throw new UserCodeError('Runtime.ImportModuleError', `Error: ${error.message}`, error);
    }
    throw error;
  }
  const pick = (root) => exportPath.reduce((value, key) => (value == null ? undefined : value[key]), root);
  const handler = pick(loaded) ?? pick(loaded?.default);
  if (typeof handler !== 'function') {
    throw new UserCodeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  return handler;
}

function makeContext(headers, callbackState) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (value) => {
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  };
  return {
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parse(headers['lambda-runtime-client-context']),
    identity: parse(headers['lambda-runtime-cognito-identity']),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    get callbackWaitsForEmptyEventLoop() {
      return callbackState.waitForEmptyLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      callbackState.waitForEmptyLoop = Boolean(value);
    },
    done: (error, result) => callbackState.callback(error, result),
    succeed: (result) => callbackState.callback(null, result),
    fail: (error) => callbackState.callback(error ?? new Error('handled')),
  };
}

// Runs the handler once: async handlers resolve their promise; callback-style ones (three
// parameters) answer through the callback, whichever comes first.
function runHandler(handler, event, headers) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error, result) => {
      process.off('beforeExit', emptied);
      if (error !== null && error !== undefined) reject(error);
      else resolve(result);
    };
    // As in Lambda, a handler that leaves nothing running and never answers answers null.
    const emptied = () => {
      if (settled) return;
      settled = true;
      finish(null, null);
    };
    process.once('beforeExit', emptied);
    const state = {
      waitForEmptyLoop: true,
      // As in Lambda, a callback answer waits for the handler's pending timers and sockets to
      // finish unless the handler set callbackWaitsForEmptyEventLoop = false.
      callback: (error, result) => {
        if (settled) return;
        settled = true;
        if (viaCallback && state.waitForEmptyLoop) process.once('beforeExit', () => finish(error, result));
        else finish(error, result);
      },
    };
    let viaCallback = false;
    const context = makeContext(headers, state);
    try {
      viaCallback = handler.length >= 3;
      const returned = viaCallback ? handler(event, context, state.callback) : handler(event, context);
      if (returned && typeof returned.then === 'function') {
        viaCallback = false;
        returned.then((value) => state.callback(null, value), (error) => state.callback(error ?? new Error('Promise rejected')));
      }
      else if (handler.length < 3) state.callback(null, returned);
    } catch (error) {
      state.callback(error);
    }
  });
}

async function main() {
  patchConsole();
  let handler;
  try {
    handler = await loadHandler(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), process.env._HANDLER ?? '');
  } catch (error) {
    const doc = errorDocument(error);
    console.error(`Init Error \t${JSON.stringify(doc)}`);
    await runtime.request('POST', `${PREFIX}/init/error`, JSON.stringify(doc), { 'content-type': 'application/json', 'lambda-runtime-function-error-type': doc.errorType });
    process.exit(1);
  }
  for (;;) {
    const next = await runtime.request('GET', `${PREFIX}/invocation/next`);
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    else delete process.env._X_AMZN_TRACE_ID;
    try {
      const event = next.body.length === 0 ? {} : JSON.parse(next.body.toString('utf8'));
      const result = await runHandler(handler, event, next.headers);
      const body = JSON.stringify(result === undefined ? null : result);
      const marked = await markOutput(requestId);
      await runtime.request('POST', `${PREFIX}/invocation/${requestId}/response`, body, { 'content-type': 'application/json', ...marked });
    } catch (error) {
      const doc = errorDocument(error);
      console.error(`Invoke Error \t${JSON.stringify(doc)}`);
      const marked = await markOutput(requestId);
      await runtime.request('POST', `${PREFIX}/invocation/${requestId}/error`, JSON.stringify(doc), { 'content-type': 'application/json', 'lambda-runtime-function-error-type': doc.errorType, ...marked });
    }
  }
}

process.on('unhandledRejection', (reason) => {
  console.error(`Unhandled Promise Rejection \t${JSON.stringify(errorDocument(reason))}`);
  process.exit(128);
});

main().catch((error) => {
  // The Runtime API is gone (the studio stopped): nothing left to serve.
  process.stderr.write(`Runtime API unreachable: ${error?.message ?? error}\n`);
  process.exit(1);
});
