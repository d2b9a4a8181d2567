import { GetAliasCommand, GetFunctionCommand, ListVersionsByFunctionCommand } from '@aws-sdk/client-lambda';
import { StudioError } from '../../../shared/contract/errors.ts';
import type { DeployedFunctionStatus, Target } from '../../../shared/contract/targets.ts';
import { describeAwsProblem } from './aws-problems.ts';
import { LIVE_ALIAS } from './deploy-steps.ts';
import { type TargetService, TargetProblemError } from './target-service.ts';

/** Lambda writes `2024-05-01T10:00:00.000+0000`; the offset gets its colon so every parser reads it. */
function isoTime(text: string): string {
  const parsed = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
}

const notFound = (error: unknown) => error instanceof StudioError && error.code === 'NOT_FOUND';

/** The newest numbered version among Lambda's list (`$LATEST` and the numbers, as strings). */
function newestVersion(versions: (string | undefined)[]): string | undefined {
  const numbers = versions.filter((v): v is string => v !== undefined && /^\d+$/.test(v)).map(Number);
  return numbers.length === 0 ? undefined : String(Math.max(...numbers));
}

/**
 * What one AWS target holds of a function: whether it is there, its newest version, where alias
 * `live` points, and whether its code is what the workspace builds now (`localSha`). A target
 * that cannot be asked answers with its problem rather than failing the whole status.
 */
export async function deployedStatus(targets: TargetService, target: Target, name: string, localSha: string): Promise<DeployedFunctionStatus> {
  try {
    const { lambda } = await targets.awsClients(target.id);
    const send = <T>(action: string, work: () => Promise<T>) => targets.attempt(target, action, work);
    let fn;
    try {
      fn = await send('lambda:GetFunction', () => lambda.send(new GetFunctionCommand({ FunctionName: name })));
    } catch (error) {
      if (notFound(error)) return { target: target.id, deployed: false };
      throw error;
    }
    const config = fn.Configuration;
    const versions: (string | undefined)[] = [];
    let marker: string | undefined;
    do {
      const page = await send('lambda:ListVersionsByFunction', () =>
        lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, MaxItems: 50, ...(marker === undefined ? {} : { Marker: marker }) })),
      );
      versions.push(...(page.Versions ?? []).map((v) => v.Version));
      marker = page.NextMarker ?? undefined;
    } while (marker !== undefined);
    const alias = await send('lambda:GetAlias', () => lambda.send(new GetAliasCommand({ FunctionName: name, Name: LIVE_ALIAS }))).catch((error: unknown) => {
      if (notFound(error)) return undefined;
      throw error;
    });
    const version = newestVersion(versions);
    return {
      target: target.id,
      deployed: true,
      ...(config?.FunctionArn === undefined ? {} : { functionArn: config.FunctionArn }),
      ...(version === undefined ? {} : { version }),
      ...(alias?.FunctionVersion === undefined ? {} : { liveVersion: alias.FunctionVersion }),
      ...(config?.LastModified === undefined ? {} : { lastModified: isoTime(config.LastModified) }),
      ...(config?.CodeSha256 === undefined ? {} : { codeSha256: config.CodeSha256, differs: config.CodeSha256 !== localSha }),
    };
  } catch (error) {
    const problem =
      error instanceof TargetProblemError
        ? error.problem
        : error instanceof StudioError
          ? { kind: 'other' as const, message: error.message }
          : describeAwsProblem(error, target.profile === undefined ? {} : { profile: target.profile });
    return { target: target.id, deployed: false, problem };
  }
}
