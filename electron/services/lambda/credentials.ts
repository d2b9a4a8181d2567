import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The key pair every request to the local Lambda service must be signed with. */
export interface StudioCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const CredentialsFile = z.object({ accessKeyId: z.string().min(16), secretAccessKey: z.string().min(32) }).strict();

/** The file, inside the state folder, that holds this install's credentials. */
export const CREDENTIALS_FILE = 'lambda-credentials.json';

/** Access keys look like AWS ones (`AKIA` + 16 upper-case letters/digits) so every tool accepts them. */
function newCredentials(): StudioCredentials {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const keyBytes = randomBytes(16);
  let suffix = '';
  for (const byte of keyBytes) suffix += alphabet[byte % alphabet.length];
  return { accessKeyId: `AKIA${suffix}`, secretAccessKey: randomBytes(30).toString('base64') };
}

/**
 * Loads this install's credentials from `<stateDir>/lambda-credentials.json`, creating them
 * (random, mode 0600) on first use. They are per install rather than per run so that
 * profiles and scripts pointed at the studio keep working after a restart.
 */
export async function loadOrCreateCredentials(stateDir: string): Promise<StudioCredentials> {
  const file = join(stateDir, CREDENTIALS_FILE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // reported below as an unreadable file
    }
    const parsed = CredentialsFile.safeParse(json);
    if (parsed.success) {
      await chmod(file, 0o600);
      return parsed.data;
    }
    throw new Error(
      `The local Lambda credentials in ${file} are not readable (${parsed.error.issues[0]?.message ?? 'bad shape'}). ` +
        'Delete the file to have new ones generated.',
    );
  }
  const credentials = newCredentials();
  await mkdir(stateDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return credentials;
}
