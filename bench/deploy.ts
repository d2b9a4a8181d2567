import { type CreateFunctionCommandInput, CreateFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';

/** Deploys `source` as `index.mjs` of a Node.js 22 function named `name`, as an outside tool would: a zip through CreateFunction. */
export async function deployModule(client: LambdaClient, name: string, source: string, extra: Partial<CreateFunctionCommandInput> = {}): Promise<void> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Role: `arn:aws:iam::000000000000:role/${name}`,
      Handler: 'index.handler',
      Code: { ZipFile: zipSync({ 'index.mjs': new TextEncoder().encode(source) }) },
      ...extra,
    }),
  );
}
