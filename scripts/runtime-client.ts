// Installs aws-lambda-ric (the official Node.js runtime interface client, compiled from source)
// into the studio's data folder, as the first build of the local Node.js base image does:
// `node scripts/runtime-client.ts [--quiet]`. `--status` only says whether it is installed.
import { ensureRuntimeClient, RUNTIME_CLIENT_VERSION, runtimeClientDir, runtimeClientInstalled } from '../electron/services/runners/runtime-client.ts';

if (process.argv.includes('--status')) {
  const installed = runtimeClientInstalled();
  console.log(installed ? `aws-lambda-ric ${RUNTIME_CLIENT_VERSION} is installed in ${runtimeClientDir()}.` : `aws-lambda-ric ${RUNTIME_CLIENT_VERSION} is not installed.`);
  process.exit(installed ? 0 : 1);
}
const quiet = process.argv.includes('--quiet');
const started = performance.now();
const dir = await ensureRuntimeClient(undefined, (line) => {
  if (!quiet) console.log(line);
});
console.log(`aws-lambda-ric ${RUNTIME_CLIENT_VERSION} is installed in ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
