"""The studio's Lambda runtime for Python: loads the handler named by _HANDLER from
LAMBDA_TASK_ROOT, then pulls invocations from the Lambda Runtime API at
AWS_LAMBDA_RUNTIME_API and answers each, as the managed Python runtimes do. Stdlib only."""

import http.client
import importlib
import json
import logging
import os
import signal
import sys
import threading
import time
import traceback

PREFIX = "/2018-06-01/runtime"
host, _, port = os.environ.get("AWS_LAMBDA_RUNTIME_API", "").partition(":")
connection = http.client.HTTPConnection(host, int(port or 0), timeout=None)
current_request_id = ""
# The studio's secret for output marks, taken out of the environment before the handler loads:
# handler code (and what it starts) can then never write a mark by accident or on purpose.
output_mark = os.environ.pop("_LAMBDA_STUDIO_OUTPUT_MARK", "")
MARKED = {"lambda-studio-output-marked": "1"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = current_request_id
        return True


def setup_logging():
    # The root logger writes records as Lambda's Python runtime does: level, time, request id, message.
    formatter = logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    stream = logging.StreamHandler(sys.stdout)
    stream.setFormatter(formatter)
    stream.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(stream)


def call(method, path, body=None, headers=None):
    global connection
    for attempt in range(2):
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
        except (http.client.HTTPException, ConnectionError):
            # A dropped keep-alive connection: reconnect once, then give up.
            connection.close()
            connection = http.client.HTTPConnection(host, int(port or 0), timeout=None)
            if attempt == 1:
                raise


class LambdaContext:
    def __init__(self, headers):
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = int(headers.get("lambda-runtime-deadline-ms", "0"))
        client_context = headers.get("lambda-runtime-client-context")
        identity = headers.get("lambda-runtime-cognito-identity")
        self.client_context = json.loads(client_context) if client_context else None
        self.identity = json.loads(identity) if identity else None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def error_document(error, error_type=None):
    return {
        "errorMessage": str(error),
        "errorType": error_type or type(error).__name__,
        "requestId": "",
        "stackTrace": traceback.format_list(traceback.extract_tb(error.__traceback__)),
    }


def mark_output(request_id):
    """Writes the mark of request_id to stdout and stderr, after everything the invocation wrote
    there: the studio reads the answer's post, then waits for both marks before it closes the
    invocation's log, however late a container's output arrives. Returns the header that tells it
    so, or none when there is no secret or a stream is gone."""
    if not output_mark:
        return {}
    line = ("LAMBDA_STUDIO_OUTPUT_MARK %s %s\n" % (output_mark, request_id)).encode("utf-8")
    # What the handler left in Python's buffers goes out first, then the mark straight to the descriptor.
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    try:
        os.write(1, line)
        os.write(2, line)
    except OSError:
        return {}
    return MARKED


def post_json(path, document, error_type=None, extra_headers=None):
    headers = {"content-type": "application/json"}
    headers.update(extra_headers or {})
    if error_type:
        # A class name may hold any Unicode; a header value must stay printable ASCII.
        headers["lambda-runtime-function-error-type"] = "".join(c if " " <= c <= "~" else "?" for c in error_type)
    return call("POST", path, json.dumps(document).encode("utf-8"), headers)


def load_handler():
    handler_string = os.environ.get("_HANDLER", "")
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    sys.path.insert(0, task_root)
    module_name, _, function_name = handler_string.rpartition(".")
    if not module_name:
        raise LambdaInitError("Runtime.MalformedHandlerName", "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % handler_string)
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise LambdaInitError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error)) from error
    except SyntaxError as error:
        raise LambdaInitError("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error)) from error
    handler = getattr(module, function_name, None)
    if handler is None:
        raise LambdaInitError("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler


class LambdaInitError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def exit_with_studio():
    """Ends the sandbox's process group once the studio that started it is gone: sandboxes live in
    groups of their own, and a handler cut off by a killed studio must not go on with its side
    effects while the restarted studio runs it again."""
    studio = os.getppid()
    if studio <= 1 or not hasattr(os, "killpg"):
        return

    def watch():
        while os.getppid() == studio:
            time.sleep(0.1)
        os.killpg(os.getpgrp(), signal.SIGKILL)

    threading.Thread(target=watch, name="exit-with-studio", daemon=True).start()


def main():
    global current_request_id
    exit_with_studio()
    setup_logging()
    try:
        handler = load_handler()
    except LambdaInitError as error:
        document = error_document(error, error.error_type)
        print("[ERROR] %s: %s" % (error.error_type, error), flush=True)
        post_json(PREFIX + "/init/error", document, error.error_type)
        sys.exit(1)
    except Exception as error:  # the module raised while importing
        document = error_document(error)
        print("[ERROR] %s: %s" % (document["errorType"], error), flush=True)
        traceback.print_exc()
        post_json(PREFIX + "/init/error", document, document["errorType"])
        sys.exit(1)

    while True:
        _, headers, body = call("GET", PREFIX + "/invocation/next")
        request_id = headers.get("lambda-runtime-aws-request-id", "")
        current_request_id = request_id
        trace_id = headers.get("lambda-runtime-trace-id")
        if trace_id:
            os.environ["_X_AMZN_TRACE_ID"] = trace_id
        try:
            event = json.loads(body) if body else {}
            result = handler(event, LambdaContext(headers))
            payload = json.dumps(result).encode("utf-8")
        except Exception as error:
            document = error_document(error)
            document["requestId"] = request_id
            print("[ERROR] %s: %s" % (document["errorType"], error), flush=True)
            traceback.print_exc()
            post_json(PREFIX + "/invocation/%s/error" % request_id, document, document["errorType"], mark_output(request_id))
            continue
        headers = {"content-type": "application/json"}
        headers.update(mark_output(request_id))
        call("POST", PREFIX + "/invocation/%s/response" % request_id, payload, headers)


if __name__ == "__main__":
    main()
