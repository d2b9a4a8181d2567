import { z } from 'zod';
import { FunctionName } from '../workspace/function-config.ts';
import { Done, method, NoInput } from './define.ts';

/**
 * Targets: where monitoring, control, invoke and deploy calls go. `local` is the studio's own
 * Lambda service and always exists; every other target is an AWS account reached through a
 * named profile of the user's AWS config and a region. Credentials never cross the contract:
 * a target names a profile, the host resolves it.
 */

/** The id of the studio's own Lambda service. */
export const LOCAL_TARGET_ID = 'local';

/** A target's id as methods take it; `local` when left out. */
export const TargetId = z.string().min(1, 'a target is required').max(64);

/** An AWS target's name, which is also its id: safe in a file, a URL and a shell argument. */
export const TargetName = z
  .string()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ., - and _ only')
  .refine((name) => name !== LOCAL_TARGET_ID, 'local is the studio itself; choose another name');

/** An AWS region code such as `eu-west-1`. */
export const AwsRegion = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'a region code such as eu-west-1');

/** A profile name of the AWS config or credentials file. */
export const AwsProfileName = z
  .string()
  .min(1, 'a profile is required')
  .max(128)
  .regex(/^[A-Za-z0-9_.@+=,/-]+$/, 'a profile name as in ~/.aws/config');

/** A target as listed: the local service first, then the AWS targets by name. */
export const Target = z.object({
  id: z.string(),
  kind: z.enum(['local', 'aws']),
  name: z.string(),
  /** AWS targets only: the profile whose credentials calls use. */
  profile: z.string().optional(),
  region: z.string(),
  /** Set when calls go to another endpoint than AWS's own (LocalStack-like services, tests). */
  endpoint: z.string().optional(),
});
export type Target = z.infer<typeof Target>;

/** What `targets.save` takes: an AWS target, added, or replaced when one has the same name. */
export const TargetInput = z
  .object({
    name: TargetName,
    profile: AwsProfileName,
    region: AwsRegion,
    endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  })
  .strict();
export type TargetInput = z.infer<typeof TargetInput>;

/** Why a target cannot be used, in words a person can act on. */
export const TargetProblemKind = z.enum([
  /** The chain found no credentials at all (no profile, no environment, no SSO). */
  'no-credentials',
  /** The named profile is not in the AWS config or credentials file. */
  'profile-missing',
  /** The profile's SSO session ended: `command` logs in again. */
  'sso-expired',
  /** The credentials (keys, a token, a credential_process result) are past their expiry. */
  'expired',
  /** AWS rejected the keys themselves (unknown key, wrong secret, bad signature). */
  'invalid-credentials',
  /** The credentials are valid but may not call an action; the message names the action. */
  'access-denied',
  /** The endpoint did not answer (offline, wrong URL, DNS, TLS). */
  'unreachable',
  /** AWS slowed the calls down and retries did not get through. */
  'throttled',
  /** Anything else AWS answered; the message is its own. */
  'other',
]);
export type TargetProblemKind = z.infer<typeof TargetProblemKind>;

export const TargetProblem = z.object({
  kind: TargetProblemKind,
  message: z.string(),
  /** A shell command that fixes it, e.g. `aws sso login --profile dev`. */
  command: z.string().optional(),
});
export type TargetProblem = z.infer<typeof TargetProblem>;

/** The result of `targets.test`: the account reached, or why not. */
export const TargetTestResult = z.object({
  ok: z.boolean(),
  accountId: z.string().optional(),
  /** The identity the calls run as (STS caller ARN) when the endpoint tells it. */
  principalArn: z.string().optional(),
  problem: TargetProblem.optional(),
});
export type TargetTestResult = z.infer<typeof TargetTestResult>;

/** Which execution role a deploy uses: an existing role's ARN, or one created for the function. */
export const DeployRole = z.union([
  z.object({ arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, 'an IAM role ARN') }).strict(),
  z.object({ create: z.literal(true) }).strict(),
]);
export type DeployRole = z.infer<typeof DeployRole>;

export const DeployStep = z.enum(['bundle', 'role', 'create', 'update-code', 'update-config', 'wait', 'publish', 'alias']);
export type DeployStep = z.infer<typeof DeployStep>;

/** A failed step's AWS error in plain words, and what to do about it. */
export const DeployError = z.object({ message: z.string(), advice: z.string() });
export type DeployError = z.infer<typeof DeployError>;

/** One step of a deploy starting, finishing or failing: the `deploy.progress` event. */
export const DeployProgress = z.object({
  /** Unique per `deploy.function` call, so two deploys' events never mix. */
  deployId: z.string(),
  functionName: z.string(),
  target: z.string(),
  step: DeployStep,
  status: z.enum(['running', 'done', 'failed']),
  message: z.string().optional(),
  error: DeployError.optional(),
});
export type DeployProgress = z.infer<typeof DeployProgress>;

export const DeployResult = z.object({
  deployId: z.string(),
  functionArn: z.string(),
  /** The version just published. */
  version: z.string(),
  /** The `live` alias, now pointing at `version`. */
  aliasArn: z.string(),
  roleArn: z.string(),
  /** Base64 SHA-256 of the deployed zip, as Lambda reports it. */
  codeSha256: z.string(),
});
export type DeployResult = z.infer<typeof DeployResult>;

/** One AWS target's view of a workspace function. */
export const DeployedFunctionStatus = z.object({
  target: z.string(),
  deployed: z.boolean(),
  functionArn: z.string().optional(),
  /** The newest published version. */
  version: z.string().optional(),
  /** The version alias `live` points at, when the alias exists. */
  liveVersion: z.string().optional(),
  /** ISO time of the last change, as Lambda reports it. */
  lastModified: z.string().optional(),
  /** Base64 SHA-256 of the deployed code ($LATEST). */
  codeSha256: z.string().optional(),
  /** True when the bundle built from the workspace now is not what is deployed. */
  differs: z.boolean().optional(),
  /** Set when the target could not be asked (credentials, network). */
  problem: TargetProblem.optional(),
});
export type DeployedFunctionStatus = z.infer<typeof DeployedFunctionStatus>;

/** An IAM role a function can run as. */
export const ExecutionRole = z.object({
  arn: z.string(),
  name: z.string(),
  /** ISO time. */
  createdAt: z.string().optional(),
  description: z.string().optional(),
});
export type ExecutionRole = z.infer<typeof ExecutionRole>;

export const targetsMethods = {
  /** Every target: `local` first, then the saved AWS targets by name. */
  'targets.list': method(NoInput, z.array(Target)),
  /** Adds an AWS target, or replaces the one with the same name (its client is rebuilt). */
  'targets.save': method(TargetInput, Target),
  /** Forgets an AWS target; nothing in AWS changes. `local` cannot be removed. */
  'targets.remove': method(z.object({ id: TargetId }).strict(), Done),
  /** Resolves the target's credentials and calls it once: the account id, or a problem to show. Never throws for AWS problems. */
  'targets.test': method(z.object({ id: TargetId }).strict(), TargetTestResult),
  /**
   * Deploys a workspace function to an AWS target: the same bundle the local runners use, zipped;
   * created or updated with the function's settings; a version published; alias `live` moved to it.
   * Each step is reported as a `deploy.progress` event. Without `role`, an existing function keeps its
   * role and a new one needs a role.
   */
  'deploy.function': method(
    z.object({ name: FunctionName, target: TargetId, role: DeployRole.optional() }).strict(),
    DeployResult,
  ),
  /** Where a workspace function is deployed, per AWS target, and whether the workspace has changed since. */
  'deploy.status': method(
    z.object({ name: FunctionName }).strict(),
    z.object({
      /** Base64 SHA-256 of the zip the workspace builds now, comparable to `codeSha256`. */
      localCodeSha256: z.string(),
      targets: z.array(DeployedFunctionStatus),
    }),
  ),
  /** Roles of the target's account that Lambda may assume: candidates for a function's execution role. */
  'iam.roles': method(z.object({ target: TargetId }).strict(), z.array(ExecutionRole)),
};
