import type { TargetProblem } from '../../../shared/contract/targets.ts';

/** The fields of an SDK or credential-provider error that say what went wrong; never the request. */
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

const fieldsOf = (error: unknown): ErrorLike => (typeof error === 'object' && error !== null ? (error as ErrorLike) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Network failures surface as Node error codes somewhere down the cause chain. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED']);

function networkCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const fields = fieldsOf(error);
  const code = text(fields.code);
  if (NETWORK_CODES.has(code)) return code;
  if (text(fields.name) === 'TimeoutError') return 'timeout';
  if (fields.cause !== undefined) return networkCode(fields.cause, depth + 1);
  // Node's fetch and some handlers aggregate several attempts.
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) for (const inner of errors) { const found = networkCode(inner, depth + 1); if (found !== undefined) return found; }
  return undefined;
}

/** Where a failed call was going, so the words can name it. */
export interface ProblemContext {
  profile?: string;
  /** The API action, e.g. `lambda:CreateFunction`, named when access is denied. */
  action?: string;
  /** The endpoint, named when it does not answer. */
  endpoint?: string;
}

/**
 * Turns a credential-provider or AWS API error into words a person can act on. Only the error's
 * name and message are read: those never hold secret keys (signing errors name the access key
 * id at most), and nothing else of the error is passed on.
 */
export function describeAwsProblem(error: unknown, context: ProblemContext = {}): TargetProblem {
  const fields = fieldsOf(error);
  const name = text(fields.name);
  const message = text(fields.message) || String(error);
  const profile = context.profile ?? 'default';
  const status = fields.$metadata?.httpStatusCode;

  if (/SSO session/i.test(message) || /sso login/i.test(message) || /token.*(expired|invalid).*sso/i.test(message)) {
    return {
      kind: 'sso-expired',
      message: `The SSO session of profile ${profile} has ended. Log in again, then retry.`,
      command: `aws sso login --profile ${profile}`,
    };
  }
  if (/Could not resolve credentials using profile/i.test(message) || /Profile .* (could not be found|not found)/i.test(message)) {
    return {
      kind: 'profile-missing',
      message: `The profile ${profile} is not in your AWS config or credentials file, or it holds no credentials. Add it, or pick another profile.`,
      command: `aws configure --profile ${profile}`,
    };
  }
  if (/returned expired credentials|expired/i.test(message) && (name === 'CredentialsProviderError' || /ExpiredToken|RequestExpired|TokenRefreshRequired/.test(name) || /credential/i.test(message))) {
    return {
      kind: 'expired',
      message: `The credentials of profile ${profile} have expired. Renew them (log in again, or refresh the keys), then retry.`,
    };
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return {
      kind: 'no-credentials',
      message: `No AWS credentials were found for profile ${profile}: ${message}`,
      command: `aws configure --profile ${profile}`,
    };
  }
  const net = networkCode(error);
  if (net !== undefined) {
    return {
      kind: 'unreachable',
      message: `${context.endpoint ?? 'AWS'} did not answer (${net}). Check the network, the region and the endpoint URL.`,
    };
  }
  if (/^(UnrecognizedClient|InvalidSignature|InvalidClientTokenId|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken|AuthFailure)/.test(name)) {
    return {
      kind: 'invalid-credentials',
      message: `AWS rejected the keys of profile ${profile} (${name}): they are wrong or were deleted. Check or replace them, then retry.`,
    };
  }
  if (/^(AccessDenied|UnauthorizedOperation|Unauthorized)/.test(name) || (status === 403 && /not authorized/i.test(message))) {
    // AWS's own words name the action refused, which may differ from the call made (iam:PassRole during CreateFunction).
    const action = /perform: ([\w:*-]+)/.exec(message)?.[1] ?? context.action;
    return {
      kind: 'access-denied',
      message: `Profile ${profile} may not call ${action ?? 'this action'}. Ask for the permission (IAM) or use another profile.${message === '' ? '' : ` AWS said: ${message}`}`,
    };
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/.test(name) || status === 429) {
    return { kind: 'throttled', message: 'AWS is limiting how fast the calls may go and retries did not get through. Wait a moment and retry.' };
  }
  return { kind: 'other', message: name === '' || message.startsWith(name) ? message : `${name}: ${message}` };
}
