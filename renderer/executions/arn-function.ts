const FUNCTION_IN_EXECUTION_ARN = /:function:([A-Za-z0-9_-]{1,64})(?::[^/]+)?\/durable-execution\//;

/** The function an execution ARN names (`…:function:<name>:<version>/durable-execution/…`), if it is one. */
export function functionOfExecutionArn(arn: string): string | undefined {
  return FUNCTION_IN_EXECUTION_ARN.exec(arn)?.[1];
}
