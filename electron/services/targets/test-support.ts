import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One IAM call the stand-in received: the action and its form parameters. */
export interface IamCall {
  action: string;
  params: Record<string, string>;
}

interface FakeRole {
  name: string;
  arn: string;
  trust: string;
  created: string;
  policies: string[];
  inline: Record<string, string>;
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function roleXml(role: FakeRole): string {
  return `<RoleName>${xml(role.name)}</RoleName><Arn>${xml(role.arn)}</Arn><Path>/</Path><RoleId>AROA${role.name.length}</RoleId><CreateDate>${role.created}</CreateDate><AssumeRolePolicyDocument>${xml(encodeURIComponent(role.trust))}</AssumeRolePolicyDocument>`;
}

/**
 * A tiny IAM endpoint for tests: the query protocol (form-encoded POST, XML answers) for the calls
 * deploys make. IAM is the one AWS service the studio does not serve itself.
 */
export async function startFakeIam(account = '000000000000'): Promise<{ url: string; calls: IamCall[]; roles: Map<string, FakeRole>; close(): Promise<void> }> {
  const calls: IamCall[] = [];
  const roles = new Map<string, FakeRole>();
  // A role that does not trust Lambda, so listing must leave it out.
  roles.set('ec2-only', { name: 'ec2-only', arn: `arn:aws:iam::${account}:role/ec2-only`, trust: '{"Statement":[{"Principal":{"Service":"ec2.amazonaws.com"}}]}', created: new Date().toISOString(), policies: [], inline: {} });

  const answer = (action: string, body: string) =>
    `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${body}</${action}Result><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></${action}Response>`;
  const fault = (code: string, message: string) =>
    `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`;

  function handle(params: Record<string, string>): { status: number; body: string } {
    const action = params['Action'] ?? '';
    const name = params['RoleName'] ?? '';
    const role = roles.get(name);
    switch (action) {
      case 'GetRole':
        return role === undefined ? { status: 404, body: fault('NoSuchEntity', `The role with name ${name} cannot be found.`) } : { status: 200, body: answer(action, `<Role>${roleXml(role)}</Role>`) };
      case 'CreateRole': {
        const created: FakeRole = { name, arn: `arn:aws:iam::${account}:role/${name}`, trust: params['AssumeRolePolicyDocument'] ?? '', created: new Date().toISOString(), policies: [], inline: {} };
        roles.set(name, created);
        return { status: 200, body: answer(action, `<Role>${roleXml(created)}</Role>`) };
      }
      case 'AttachRolePolicy':
        role?.policies.push(params['PolicyArn'] ?? '');
        return { status: 200, body: answer(action, '') };
      case 'PutRolePolicy':
        if (role !== undefined) role.inline[params['PolicyName'] ?? ''] = params['PolicyDocument'] ?? '';
        return { status: 200, body: answer(action, '') };
      case 'ListRoles':
        return { status: 200, body: answer(action, `<IsTruncated>false</IsTruncated><Roles>${[...roles.values()].map((r) => `<member>${roleXml(r)}</member>`).join('')}</Roles>`) };
      default:
        return { status: 400, body: fault('InvalidAction', `${action} is not served here.`) };
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      calls.push({ action: params['Action'] ?? '', params });
      const { status, body } = handle(params);
      res.writeHead(status, { 'content-type': 'text/xml' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, roles, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Writes an AWS config and credentials file pair, as `aws configure` would, and returns their paths. */
export async function writeAwsFiles(dir: string, files: { config: string; credentials: string }): Promise<{ configFile: string; credentialsFile: string }> {
  const { writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const configFile = join(dir, 'aws-config');
  const credentialsFile = join(dir, 'aws-credentials');
  await writeFile(configFile, files.config, { mode: 0o600 });
  await writeFile(credentialsFile, files.credentials, { mode: 0o600 });
  return { configFile, credentialsFile };
}
