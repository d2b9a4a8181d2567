import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFile } from 'cfn-lint';
import { z } from 'zod';

/**
 * Checks for exported templates. cfn-lint (the npm linter) understands SAM and the Serverless
 * transform, but its resource specification predates durable functions, so it reports
 * `DurableConfig` as unknown; that one finding is set aside and the property is checked against
 * its documented type here instead (schemas below follow the SAM and CloudFormation references).
 */

/** cfn-lint's one finding that is a gap in its specification, not in the template. */
export const STALE_SPEC_FINDING = 'DurableConfig is not a valid property of AWS::Serverless::Function';

/** cfn-lint's findings for a template text, the known gap removed. */
export async function lintTemplate(text: string): Promise<{ crit: string[]; warn: string[]; outputs: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'studio-sam-'));
  try {
    const file = join(dir, 'template.yaml');
    await writeFile(file, text);
    const result = validateFile(file);
    const describe = (error: { message: string; resource: string }) => `${error.resource}: ${error.message}`;
    return {
      crit: result.errors.crit.filter((error) => error.message !== STALE_SPEC_FINDING).map(describe),
      warn: result.errors.warn.map(describe),
      outputs: Object.keys(result.outputs),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const LogicalId = z.string().regex(/^[A-Za-z0-9]+$/);
/** Any intrinsic function call, in its long form. */
const Intrinsic = z.union([
  z.object({ Ref: z.string() }).strict(),
  z.object({ 'Fn::GetAtt': z.tuple([LogicalId, z.string()]) }).strict(),
  z.object({ 'Fn::Sub': z.string() }).strict(),
]);

/** `AWS::Lambda::Function DurableConfig` (SAM passes it through unchanged). */
export const DurableConfigSchema = z
  .object({
    ExecutionTimeout: z.number().int().min(1).max(31_622_400),
    RetentionPeriodInDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

/** The `AWS::Serverless::Function` properties an export writes, with their documented types and limits. */
export const ServerlessFunctionProperties = z
  .object({
    FunctionName: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
    Description: z.string().max(256).optional(),
    CodeUri: z.string().min(1),
    Handler: z.string().min(1).max(128),
    Runtime: z.enum(['nodejs20.x', 'nodejs22.x', 'nodejs24.x', 'python3.12', 'python3.13']),
    MemorySize: z.number().int().min(128).max(10_240),
    Timeout: z.number().int().min(1).max(900),
    Role: Intrinsic,
    AutoPublishAlias: z.string().regex(/^[A-Za-z0-9_-]+$/),
    Environment: z.object({ Variables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.string()) }).strict().optional(),
    DurableConfig: DurableConfigSchema.optional(),
  })
  .strict();

/** SAM's esbuild build metadata (`sam build`), the documented BuildProperties only. */
export const EsbuildMetadata = z
  .object({
    BuildMethod: z.literal('esbuild'),
    BuildProperties: z
      .object({
        EntryPoints: z.array(z.string()).min(1),
        External: z.array(z.string()),
        Format: z.enum(['cjs', 'esm']),
        OutExtension: z.array(z.string().regex(/^\.\w+=\.\w+$/)),
        Target: z.string(),
        Minify: z.boolean(),
        Sourcemap: z.boolean(),
      })
      .strict(),
  })
  .strict();

const Statement = z
  .object({
    Sid: z.string().regex(/^[A-Za-z0-9]*$/).optional(),
    Effect: z.literal('Allow'),
    Principal: z.object({ Service: z.string() }).strict().optional(),
    Action: z.union([z.string(), z.array(z.string().regex(/^[a-z0-9-]+:[A-Za-z*]+$/)).min(1)]),
    Resource: z.union([Intrinsic, z.array(Intrinsic).min(1)]).optional(),
  })
  .strict();
const PolicyDocument = z.object({ Version: z.literal('2012-10-17'), Statement: z.array(Statement).min(1) }).strict();

/** The `AWS::IAM::Role` properties an export writes. */
export const RoleProperties = z
  .object({
    AssumeRolePolicyDocument: PolicyDocument,
    Policies: z.array(z.object({ PolicyName: z.string().min(1).max(128), PolicyDocument }).strict()),
  })
  .strict();

const Resource = z.discriminatedUnion('Type', [
  z.object({ Type: z.literal('AWS::Serverless::Function'), Metadata: EsbuildMetadata.optional(), Properties: ServerlessFunctionProperties }).strict(),
  z.object({ Type: z.literal('AWS::IAM::Role'), Properties: RoleProperties }).strict(),
]);

/** A whole exported template. */
export const ExportedTemplate = z
  .object({
    AWSTemplateFormatVersion: z.literal('2010-09-09'),
    Transform: z.literal('AWS::Serverless-2016-10-31'),
    Description: z.string().max(1024),
    Metadata: z.record(z.string(), z.unknown()).optional(),
    Resources: z.record(LogicalId, Resource),
    Outputs: z.record(LogicalId, z.object({ Description: z.string().max(1024), Value: Intrinsic }).strict()),
  })
  .strict();
export type ExportedTemplate = z.infer<typeof ExportedTemplate>;
