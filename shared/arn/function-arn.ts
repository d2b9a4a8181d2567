/**
 * The function name at the start of a Lambda ARN: a function ARN
 * (`arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`) or a durable execution ARN
 * (`…:function:<name>:<qualifier>/durable-execution/<execution>/<id>`). Any partition.
 */
const FUNCTION_ARN = /^arn:aws[a-zA-Z-]*:lambda:[^:/]+:[^:/]+:function:([A-Za-z0-9_-]{1,64})(?=$|[:/])/;

const FUNCTION_IN_EXECUTION_ARN = /:function:([A-Za-z0-9_-]{1,64})(?::[^/]+)?\/durable-execution\//;

/** The function a function ARN or a durable execution ARN names, or undefined when the text is neither. */
export function functionNameOfArn(arn: string): string | undefined {
  return FUNCTION_ARN.exec(arn)?.[1];
}

/** The function a durable execution ARN names, or undefined when the text is not an execution ARN. */
export function functionOfExecutionArn(arn: string): string | undefined {
  return FUNCTION_IN_EXECUTION_ARN.exec(arn)?.[1];
}
