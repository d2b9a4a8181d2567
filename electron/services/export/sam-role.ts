import type { CfnResource, CfnValue } from './cfn.ts';
import { sub } from './cfn.ts';

/** What one function's execution role has to allow. */
export interface RoleNeeds {
  /** The function's name in AWS: its log group and its durable executions are scoped to it. */
  functionName: string;
  durable: boolean;
  /** ARNs the function calls as chained invokes (a workflow runner's Lambda blocks). */
  invokes: CfnValue[];
}

const ALLOW = 'Allow';

/**
 * An execution role with the least a function needs, written inline and scoped to the one
 * function (the managed `AWSLambdaBasicDurableExecutionRolePolicy` grants the same actions on
 * every resource). ARNs are built from the function's fixed name, not read off the function,
 * because the function refers to the role and the reverse would be a dependency cycle.
 */
export function executionRole(needs: RoleNeeds): CfnResource {
  const statements: CfnValue[] = [
    {
      Sid: 'WriteLogs',
      Effect: ALLOW,
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${needs.functionName}:*`),
    },
  ];
  if (needs.durable) {
    statements.push({
      Sid: 'DurableExecution',
      Effect: ALLOW,
      Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
      // Durable executions belong to a version, so only a qualified ARN pattern matches them.
      Resource: sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${needs.functionName}:*`),
    });
  }
  if (needs.invokes.length > 0) {
    statements.push({ Sid: 'InvokeWorkflowFunctions', Effect: ALLOW, Action: ['lambda:InvokeFunction'], Resource: needs.invokes });
  }
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: ALLOW, Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [{ PolicyName: 'execution', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    },
  };
}
