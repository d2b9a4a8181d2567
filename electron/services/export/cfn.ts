/**
 * The small slice of CloudFormation a template export writes. Intrinsic functions are kept in
 * their long form (`Fn::Sub`, `Fn::GetAtt`, `Ref`) so the YAML needs no custom tags and any
 * YAML or JSON reader takes it as plain data.
 */

/** A JSON value as a template holds it. */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

/** `{ "Fn::Sub": text }`: `${AWS::Region}` and the like filled in at deploy time. */
export function sub(text: string): { 'Fn::Sub': string } {
  return { 'Fn::Sub': text };
}

/** `{ "Fn::GetAtt": [id, attribute] }`. */
export function getAtt(logicalId: string, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/** `{ Ref: id }`; SAM also resolves `<function>.Alias` to the ARN of its AutoPublishAlias. */
export function ref(logicalId: string): { Ref: string } {
  return { Ref: logicalId };
}

/** One resource of a template. */
export interface CfnResource {
  Type: string;
  Metadata?: Record<string, CfnValue>;
  Properties: Record<string, CfnValue>;
}

/** One output of a template. */
export interface CfnOutput {
  Description: string;
  Value: CfnValue;
}
