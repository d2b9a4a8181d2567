import { LOCAL_TARGET_ID, TargetInput, type Target, type TargetProblem, type TargetTestResult } from '../../shared/contract/targets.ts';

/** The local service as listed before the host has answered, so the selector never shows nothing. */
export const LOCAL_PLACEHOLDER: Target = { id: LOCAL_TARGET_ID, kind: 'local', name: 'Local', region: 'us-east-1' };

/**
 * The `target` member a contract call takes. Left out for the local service, so requests made
 * on the local target are exactly the ones made before targets existed.
 */
export function onTarget(id: string): { target?: string } {
  return id === LOCAL_TARGET_ID ? {} : { target: id };
}

/** The remembered target when it still exists, else the local service (a removed target must not linger). */
export function resolveCurrent(targets: readonly Target[], remembered: string | null): string {
  return remembered !== null && targets.some((t) => t.id === remembered) ? remembered : LOCAL_TARGET_ID;
}

/** Local first, then AWS targets by name, whatever order the host answered in. */
export function sortTargets(targets: readonly Target[]): Target[] {
  return [...targets].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'local' ? -1 : 1));
}

/** One line saying where a target's calls go: `profile dev · eu-west-1 · http://…`. */
export function targetWhere(target: Target): string {
  if (target.kind === 'local') return 'The studio’s own Lambda service on this machine';
  return [`profile ${target.profile ?? '?'}`, target.region, target.endpoint].filter((part) => part !== undefined).join(' · ');
}

/** What the add/edit form holds: text fields as typed. */
export interface TargetDraft {
  name: string;
  profile: string;
  region: string;
  endpoint: string;
}

export const EMPTY_DRAFT: TargetDraft = { name: '', profile: 'default', region: 'us-east-1', endpoint: '' };

export function draftOf(target: Target): TargetDraft {
  return { name: target.name, profile: target.profile ?? '', region: target.region, endpoint: target.endpoint ?? '' };
}

export type DraftCheck = { ok: true; input: TargetInput } | { ok: false; problems: Partial<Record<keyof TargetDraft, string>> };

/** Checks a draft with the contract's own schema, so the form refuses what the host would refuse, field by field. */
export function checkDraft(draft: TargetDraft): DraftCheck {
  const endpoint = draft.endpoint.trim();
  const parsed = TargetInput.safeParse({
    name: draft.name.trim(),
    profile: draft.profile.trim(),
    region: draft.region.trim(),
    ...(endpoint === '' ? {} : { endpoint }),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems: Partial<Record<keyof TargetDraft, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'name' || field === 'profile' || field === 'region' || field === 'endpoint') problems[field] ??= issue.message;
  }
  return { ok: false, problems };
}

const HEADLINES: Record<TargetProblem['kind'], string> = {
  'no-credentials': 'No AWS credentials were found for this target.',
  'profile-missing': 'This profile is not in your AWS config or credentials file.',
  'sso-expired': 'The SSO session of this profile has ended.',
  expired: 'The credentials of this profile have expired.',
  'invalid-credentials': 'AWS did not accept the credentials of this profile.',
  'access-denied': 'The credentials work, but are not allowed to make this call.',
  unreachable: 'The endpoint did not answer.',
  throttled: 'AWS is slowing calls down; try again in a moment.',
  other: 'AWS answered with an error.',
};

/** A command that usually fixes the problem, when the host did not name one. */
function defaultCommand(kind: TargetProblem['kind'], profile: string | undefined): string | undefined {
  if (profile === undefined) return undefined;
  if (kind === 'sso-expired') return `aws sso login --profile ${profile}`;
  if (kind === 'profile-missing' || kind === 'no-credentials') return `aws configure --profile ${profile}`;
  return undefined;
}

/** A connection test as a person reads it: a headline, AWS's own words, and the command to run if there is one. */
export interface TestSummary {
  ok: boolean;
  headline: string;
  detail?: string;
  command?: string;
}

export function summarizeTest(result: TargetTestResult, target: Target): TestSummary {
  if (result.ok) {
    if (target.kind === 'local') return { ok: true, headline: 'The local Lambda service answers.' };
    const account = result.accountId === undefined ? 'AWS answers' : `Connected to account ${result.accountId}`;
    return { ok: true, headline: `${account}.`, ...(result.principalArn === undefined ? {} : { detail: `Calls run as ${result.principalArn}` }) };
  }
  return problemSummary(result.problem ?? { kind: 'other', message: 'The target did not say why.' }, target.profile);
}

/** A target's problem (from a test, or from a deploy status) in the same words everywhere. */
export function problemSummary(problem: TargetProblem, profile: string | undefined): TestSummary {
  const command = problem.command ?? defaultCommand(problem.kind, profile);
  return {
    ok: false,
    headline: HEADLINES[problem.kind],
    ...(problem.message === '' ? {} : { detail: problem.message }),
    ...(command === undefined ? {} : { command }),
  };
}
