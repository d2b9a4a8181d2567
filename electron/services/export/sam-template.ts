import { stringify } from 'yaml';
import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import type { CfnOutput, CfnResource, CfnValue } from './cfn.ts';
import { getAtt, ref } from './cfn.ts';
import { type FunctionCode, samFunction } from './sam-function.ts';
import { LIVE_ALIAS, logicalIds } from './sam-names.ts';
import { executionRole } from './sam-role.ts';

/** One function of an exported template. */
export interface TemplateFunction {
  /** Its name in AWS. */
  name: string;
  config: FunctionConfig;
  code: FunctionCode;
  /** Functions of the same template this one calls by chained invoke (through their alias). */
  invokes?: readonly string[];
}

/** A SAM template as plain data, its keys in the order they are written. */
export interface SamTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Transform: 'AWS::Serverless-2016-10-31';
  Description: string;
  Metadata?: Record<string, CfnValue>;
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, CfnOutput>;
}

/**
 * A SAM template for `functions`, in the order given: each function's role, then the function
 * (published as the `live` alias); outputs name both ARNs of each.
 */
export function buildSamTemplate(options: { description: string; functions: readonly TemplateFunction[]; metadata?: Record<string, CfnValue> }): SamTemplate {
  const ids = logicalIds(options.functions.map((fn) => fn.name));
  const idOf = (name: string): string => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`${name} is called but is not part of the template`);
    return id;
  };
  const resources: Record<string, CfnResource> = {};
  const outputs: Record<string, CfnOutput> = {};
  for (const fn of options.functions) {
    const id = idOf(fn.name);
    const roleId = `${id}Role`;
    const invokes = (fn.invokes ?? []).map((target) => ref(`${idOf(target)}.Alias`));
    resources[roleId] = executionRole({ functionName: fn.name, durable: fn.config.durable?.enabled === true, invokes });
    resources[id] = samFunction({ functionName: fn.name, config: fn.config, code: fn.code, roleId });
    outputs[`${id}Arn`] = { Description: `${fn.name}: the function's ARN`, Value: getAtt(id, 'Arn') };
    outputs[`${id}AliasArn`] = { Description: `${fn.name}: the ARN of its ${LIVE_ALIAS} alias (the published version to invoke)`, Value: ref(`${id}.Alias`) };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: options.description,
    ...(options.metadata === undefined ? {} : { Metadata: options.metadata }),
    Resources: resources,
    Outputs: outputs,
  };
}

/**
 * The template as YAML under a comment header. Key order is the build order (never sorted by
 * the writer), long strings are never folded and shared objects never become anchors, so a
 * re-export after a small change differs only where the workspace did. Scalars are written for
 * YAML 1.1 readers (SAM CLI's among them), which would otherwise take `2012-10-17` for a date
 * and an environment value such as `no` for a boolean.
 */
export function formatSamTemplate(template: SamTemplate, header: readonly string[]): string {
  const comment = header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n');
  const body = stringify(template, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
  return `${comment}\n${body}`;
}
