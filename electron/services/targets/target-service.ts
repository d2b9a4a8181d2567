import { GetAccountSettingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { StudioError, type ErrorCode } from '../../../shared/contract/errors.ts';
import { LOCAL_TARGET_ID, type Target, type TargetInput, type TargetProblem, type TargetTestResult } from '../../../shared/contract/targets.ts';
import { describeAwsProblem } from './aws-problems.ts';
import { createTargetClientCache, type TargetClientOptions, type TargetClients } from './target-clients.ts';
import type { TargetStore } from './target-store.ts';

/** The local service as a target: always present, never stored. */
export function localTarget(region: string): Target {
  return { id: LOCAL_TARGET_ID, kind: 'local', name: 'Local', region };
}

const CODE_FOR: Partial<Record<TargetProblem['kind'], ErrorCode>> = {
  'profile-missing': 'INVALID_CONFIG',
  'no-credentials': 'UNAUTHORIZED',
  'sso-expired': 'UNAUTHORIZED',
  expired: 'UNAUTHORIZED',
  'invalid-credentials': 'UNAUTHORIZED',
  'access-denied': 'UNAUTHORIZED',
  unreachable: 'UNAVAILABLE',
  throttled: 'UNAVAILABLE',
};

/** A failed AWS call: a StudioError (plain words, the fix command as details) that keeps its problem's kind. */
export class TargetProblemError extends StudioError {
  readonly problem: TargetProblem;

  constructor(problem: TargetProblem, code: ErrorCode) {
    super(code, problem.message, problem.command === undefined ? undefined : `Run: ${problem.command}`);
    this.problem = problem;
  }
}

/** An AWS failure as the contract carries it. Only the problem crosses, never the SDK error. */
export function problemError(problem: TargetProblem, cause?: unknown): TargetProblemError {
  const name = typeof cause === 'object' && cause !== null ? (cause as { name?: unknown }).name : undefined;
  const code = CODE_FOR[problem.kind] ?? (name === 'ResourceNotFoundException' ? 'NOT_FOUND' : name === 'ResourceConflictException' ? 'CONFLICT' : 'BAD_INPUT');
  return new TargetProblemError(problem, code);
}

export interface TargetServiceOptions extends TargetClientOptions {
  store: TargetStore;
  /** The local service's region, shown on the Local target. */
  localRegion: () => string;
}

/** AWS targets: which exist, their clients, and a check that one can be reached. */
export function createTargetService(options: TargetServiceOptions) {
  const { store } = options;
  const clients = createTargetClientCache(options);

  async function resolve(id: string): Promise<Target> {
    const target = id === LOCAL_TARGET_ID ? localTarget(options.localRegion()) : await store.get(id);
    if (target === undefined) throw new StudioError('NOT_FOUND', `There is no target named "${id}". Add it first (Settings > Targets, or targets add).`);
    return target;
  }

  /** The clients of an AWS target; the local target has none here (its calls stay on the local path). */
  async function awsClients(id: string): Promise<TargetClients> {
    const target = await resolve(id);
    if (target.kind !== 'aws') throw new StudioError('BAD_INPUT', 'This works on AWS targets only.');
    return clients.for(target);
  }

  /**
   * Runs one AWS call; a failure becomes a StudioError in plain words naming the action. Every
   * AWS call of the studio goes through here, so no raw SDK error (nor anything it carries) leaves.
   */
  async function attempt<T>(target: Target, action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StudioError) throw error;
      throw problemError(describeAwsProblem(error, { ...(target.profile === undefined ? {} : { profile: target.profile }), action, endpoint: target.endpoint ?? `AWS in ${target.region}` }), error);
    }
  }

  async function test(id: string): Promise<TargetTestResult> {
    const target = await resolve(id);
    if (target.kind === 'local') return { ok: true };
    const c = clients.for(target);
    const context = { ...(target.profile === undefined ? {} : { profile: target.profile }), endpoint: target.endpoint ?? `AWS in ${target.region}` };
    try {
      // Credentials first: their problems (no profile, SSO, expiry) are the common ones and need no network.
      await c.credentials();
    } catch (error) {
      return { ok: false, problem: describeAwsProblem(error, context) };
    }
    let accountId: string | undefined;
    let principalArn: string | undefined;
    try {
      // A custom endpoint may serve Lambda alone, so STS is asked only of AWS itself.
      if (target.endpoint === undefined) {
        const who = await c.sts.send(new GetCallerIdentityCommand({}));
        accountId = who.Account;
        principalArn = who.Arn;
      }
    } catch (error) {
      return { ok: false, problem: describeAwsProblem(error, { ...context, action: 'sts:GetCallerIdentity' }) };
    }
    try {
      await c.lambda.send(new GetAccountSettingsCommand({}));
      if (accountId === undefined) {
        const listed = await c.lambda.send(new ListFunctionsCommand({ MaxItems: 1 }));
        accountId = listed.Functions?.[0]?.FunctionArn?.split(':')[4];
      }
    } catch (error) {
      return { ok: false, problem: describeAwsProblem(error, { ...context, action: 'lambda:GetAccountSettings' }) };
    }
    return { ok: true, ...(accountId === undefined ? {} : { accountId }), ...(principalArn === undefined ? {} : { principalArn }) };
  }

  return {
    resolve,
    awsClients,
    attempt,
    test,
    list: async (): Promise<Target[]> => [localTarget(options.localRegion()), ...(await store.list())],
    save: async (input: TargetInput): Promise<Target> => {
      const saved = await store.save(input);
      clients.forget(saved.id);
      return saved;
    },
    remove: async (id: string): Promise<void> => {
      if (id === LOCAL_TARGET_ID) throw new StudioError('BAD_INPUT', 'The local target is the studio itself and cannot be removed.');
      if (!(await store.remove(id))) throw new StudioError('NOT_FOUND', `There is no target named "${id}".`);
      clients.forget(id);
    },
    close: () => clients.close(),
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
