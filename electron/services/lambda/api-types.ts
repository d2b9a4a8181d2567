/**
 * The shapes shared by every route of the local Lambda service (function APIs, invoke,
 * durable-execution APIs). The HTTP server verifies SigV4 and parses the request before
 * a route sees it, so routes deal only in these plain values.
 */

/** A request that passed signature verification. */
export interface ApiRequest {
  method: string;
  /** Decoded path without the query, e.g. `/2015-03-31/functions/my-fn/invocations`. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  /** A Buffer or string is sent as is; anything else is sent as JSON. */
  body?: Buffer | string | object;
}

/** One API operation. `path` is matched against the whole decoded path; named groups become params. */
export interface ApiRoute {
  /** The AWS operation name, for logs and errors (e.g. `Invoke`, `CheckpointDurableExecution`). */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  handle(request: ApiRequest, params: Record<string, string>): Promise<ApiResponse>;
}

/**
 * An error in the AWS wire shape: the status, the `x-amzn-errortype` header and a JSON
 * body `{ "Type": "User", "message": ... }` as Lambda sends them, so the AWS SDK raises the
 * matching exception class.
 */
export class LambdaApiError extends Error {
  readonly status: number;
  readonly type: string;

  constructor(status: number, type: string, message: string) {
    super(message);
    this.name = type;
    this.status = status;
    this.type = type;
  }
}
