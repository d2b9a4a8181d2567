import { describe, expect, it } from 'vitest';
import { describeAwsProblem } from './aws-problems.ts';

/** Errors shaped as the SDK raises them: a name, a message, the HTTP status in `$metadata`. */
const sdkError = (name: string, message: string, status: number) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('AWS problems in plain words', () => {
  it('names the refused action from AWS’s own message, else the call made', () => {
    const denied = sdkError('AccessDeniedException', 'User: arn:aws:iam::111111111111:user/dev is not authorized to perform: iam:PassRole on resource: role/x', 403);
    expect(describeAwsProblem(denied, { profile: 'dev', action: 'lambda:CreateFunction' })).toMatchObject({ kind: 'access-denied', message: expect.stringContaining('may not call iam:PassRole') });
    expect(describeAwsProblem(sdkError('AccessDeniedException', '', 403), { action: 'lambda:ListFunctions' }).message).toContain('lambda:ListFunctions');
  });

  it('tells an ended SSO session apart, with the command that renews it', () => {
    const ended = Object.assign(new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' });
    expect(describeAwsProblem(ended, { profile: 'work' })).toEqual({ kind: 'sso-expired', message: expect.any(String), command: 'aws sso login --profile work' });
  });

  it('reads expired tokens, rejected keys, throttling and a dead endpoint', () => {
    expect(describeAwsProblem(sdkError('ExpiredTokenException', 'The security token included in the request is expired', 403)).kind).toBe('expired');
    expect(describeAwsProblem(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403)).kind).toBe('invalid-credentials');
    expect(describeAwsProblem(sdkError('TooManyRequestsException', 'Rate exceeded', 429)).kind).toBe('throttled');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(describeAwsProblem(refused, { endpoint: 'http://127.0.0.1:9' })).toMatchObject({ kind: 'unreachable', message: expect.stringContaining('http://127.0.0.1:9') });
  });

  it('passes any other AWS answer on with its name', () => {
    expect(describeAwsProblem(sdkError('InvalidParameterValueException', 'Runtime is not supported', 400))).toEqual({ kind: 'other', message: 'InvalidParameterValueException: Runtime is not supported' });
  });
});
