import type { FunctionConfig } from '../../../shared/workspace/function-config.ts';
import { PROVIDED_PACKAGES } from '../bundle/bundle-function.ts';
import type { CfnResource, CfnValue } from './cfn.ts';
import { getAtt } from './cfn.ts';
import { LIVE_ALIAS } from './sam-names.ts';

/** Where a function's code is, as the template sees it. */
export interface FunctionCode {
  /** A folder relative to the template: the function's source, or a bundle ready to deploy. */
  codeUri: string;
  /**
   * The handler's source file inside that folder when `sam build` has to bundle it with esbuild
   * (TypeScript); absent when the folder deploys as it is (JavaScript, Python, a bundle).
   */
  esbuildEntry?: string;
}

const TYPESCRIPT = /\.(ts|mts|tsx)$/;

/** The handler's source file among a function folder's files, when it has to be compiled. */
export function typescriptEntry(handler: string, files: readonly string[]): string | undefined {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  return files.find((file) => TYPESCRIPT.test(file) && file.slice(0, file.lastIndexOf('.')) === module);
}

/**
 * SAM's esbuild build, set up like the studio's own bundle: one ESM `.mjs` file, the packages
 * the Lambda runtime provides left out, so the same code runs locally and in AWS.
 */
function esbuildMetadata(entry: string): Record<string, CfnValue> {
  return {
    BuildMethod: 'esbuild',
    BuildProperties: {
      EntryPoints: [entry],
      External: [...PROVIDED_PACKAGES],
      Format: 'esm',
      OutExtension: ['.js=.mjs'],
      Target: 'es2022',
      Minify: false,
      // A source map would add NODE_OPTIONS, which SAM then wants kms:Encrypt on the role for.
      Sourcemap: false,
    },
  };
}

/** Environment variables in name order, so a re-export diffs only what changed. */
function sortedVariables(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * One `AWS::Serverless::Function` from a workspace `function.json`. The local-only settings
 * (`runner`, `image`) have no AWS counterpart here and are left out.
 */
export function samFunction(options: { functionName: string; config: FunctionConfig; code: FunctionCode; roleId: string }): CfnResource {
  const { config, code } = options;
  const properties: Record<string, CfnValue> = { FunctionName: options.functionName };
  if (config.description !== undefined) properties['Description'] = config.description;
  Object.assign(properties, {
    CodeUri: code.codeUri,
    Handler: config.handler,
    Runtime: config.runtime,
    MemorySize: config.memorySize,
    Timeout: config.timeout,
    Role: getAtt(options.roleId, 'Arn'),
    AutoPublishAlias: LIVE_ALIAS,
  });
  if (Object.keys(config.environment).length > 0) properties['Environment'] = { Variables: sortedVariables(config.environment) };
  if (config.durable?.enabled === true) {
    properties['DurableConfig'] = { ExecutionTimeout: config.durable.executionTimeout, RetentionPeriodInDays: config.durable.retentionPeriodInDays };
  }
  return {
    Type: 'AWS::Serverless::Function',
    ...(code.esbuildEntry === undefined ? {} : { Metadata: esbuildMetadata(code.esbuildEntry) }),
    Properties: properties,
  };
}
