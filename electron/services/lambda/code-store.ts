import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { LambdaApiError } from './api-types.ts';

/** Lambda's limits for a deployment package uploaded directly. */
export const MAX_ZIP_BYTES = 50 * 1024 * 1024;
/** Lambda's limit on the unpacked package. */
export const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;

/** Where an uploaded package was unpacked, and its fingerprint. */
export interface StoredCode {
  codeDir: string;
  /** Base64 SHA-256 of the zip, as Lambda reports `CodeSha256`. */
  sha256: string;
  size: number;
}

/**
 * Unpacks an uploaded deployment package (`Code.ZipFile`) into
 * `<stateDir>/lambda/code/<function>/<hash>/`, the task root its sandboxes run from.
 */
export async function storeZip(stateDir: string, functionName: string, zipBase64: string): Promise<StoredCode> {
  const zip = Buffer.from(zipBase64, 'base64');
  if (zip.length > MAX_ZIP_BYTES) {
    throw new LambdaApiError(413, 'RequestEntityTooLargeException', `Zipped deployment packages must be smaller than ${MAX_ZIP_BYTES} bytes.`);
  }
  const bytes = new Uint8Array(zip.buffer, zip.byteOffset, zip.length);
  const tooLarge = () => new LambdaApiError(400, 'InvalidParameterValueException', `Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  const unreadable = () => new LambdaApiError(400, 'InvalidParameterValueException', 'Could not unzip uploaded file. Please check your file, then try to upload again.');
  // The sizes the entries declare are added up first, inflating nothing (the filter keeps no
  // file): a few kilobytes of zip can declare gigabytes, and unpacking them exhausts memory.
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        return false;
      },
    });
  } catch {
    throw unreadable();
  }
  if (declared > MAX_UNZIPPED_BYTES) throw tooLarge();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw unreadable();
  }
  // An entry may understate its size; what it really unpacked to counts too.
  const total = Object.values(files).reduce((sum, data) => sum + data.length, 0);
  if (total > MAX_UNZIPPED_BYTES) throw tooLarge();
  const digest = createHash('sha256').update(zip).digest();
  const codeDir = resolve(stateDir, 'lambda', 'code', functionName, digest.toString('hex').slice(0, 16));
  await rm(codeDir, { recursive: true, force: true });
  await mkdir(codeDir, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    const target = resolve(codeDir, name);
    // A zip entry may not climb out of the task root ("zip slip").
    if (!target.startsWith(codeDir + sep)) {
      throw new LambdaApiError(400, 'InvalidParameterValueException', `The deployment package holds an unsafe path: ${name}`);
    }
    if (name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return { codeDir, sha256: digest.toString('base64'), size: zip.length };
}

/** Removes every stored package of a function. */
export async function removeStoredCode(stateDir: string, functionName: string): Promise<void> {
  await rm(join(stateDir, 'lambda', 'code', functionName), { recursive: true, force: true });
}
