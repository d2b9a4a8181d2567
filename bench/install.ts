// What a new user waits for on a fresh clone: `npm install` (with npm's cache as it is, warm
// after any earlier install; its `prepare` step builds the web interface) and `npm start -- --no-open`
// until its JSON line, twice. Prints what dominates each. Targets: install under 60 s, start under 5 s.
// Run: node bench/install.ts [--keep]   (clones the committed HEAD of this checkout into a temp folder)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
// As a user's shell has it: without the settings of the `npm run` that started this (`--silent` would silence npm).
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

/**
 * npm's own timings (`--timing`), largest first, without the totals: its phases and install
 * scripts (`phases`), and the packages whose unpacking ended last (`packages`; unpacks run side by
 * side, so these overlap each other and the unpack phase).
 */
function dominant(output: string, count: number): { phases: Array<{ name: string; ms: number }>; packages: Array<{ name: string; ms: number }> } {
  const totals = new Set(['npm', 'command:install', 'reify']);
  const phases: Array<{ name: string; ms: number }> = [];
  const packages: Array<{ name: string; ms: number }> = [];
  for (const match of output.matchAll(/^npm timing (\S+) Completed in (\d+)ms$/gm)) {
    const [, name = '', ms = '0'] = match;
    if (name.startsWith('reifyNode:')) packages.push({ name: name.slice('reifyNode:node_modules/'.length), ms: Number(ms) });
    else if (!totals.has(name)) phases.push({ name, ms: Number(ms) });
  }
  const top = (list: Array<{ name: string; ms: number }>) => list.sort((a, b) => b.ms - a.ms).slice(0, count);
  return { phases: top(phases), packages: top(packages) };
}

/** Runs npm in the clone; resolves with its output and duration, rejects when it fails. */
function npm(cwd: string, args: string[]): Promise<{ ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', args, { cwd, env: userEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ ms: performance.now() - started, output });
      else reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`));
    });
  });
}

/** `npm start -- --no-open` until the studio prints its JSON line; then Ctrl+C. Returns the time and the lines before it. */
function startUntilReady(cwd: string, workspace: string): Promise<{ ms: number; lines: Array<{ at: number; text: string }> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A process group of its own, so Ctrl+C reaches npm, start.mjs and the server alike.
    const child = spawn('npm', ['start', '--', '--no-open', '--port', '0', '--lambda-port', '0', '--workspace', workspace], { cwd, env: userEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const lines: Array<{ at: number; text: string }> = [];
    let ready: number | undefined;
    const timeout = setTimeout(() => {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
      reject(new Error(`npm start printed no JSON line within 120 s:\n${lines.map((l) => l.text).join('\n')}`));
    }, 120_000);
    const take = (chunk: Buffer) => {
      for (const text of chunk.toString().split('\n')) {
        if (text.trim() === '') continue;
        const at = performance.now() - started;
        lines.push({ at, text });
        if (ready === undefined && text.startsWith('{"ui":')) {
          ready = at;
          process.kill(-(child.pid ?? 0), 'SIGINT');
        }
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timeout);
      if (ready === undefined) reject(new Error(`npm start ended without its JSON line:\n${lines.map((l) => l.text).join('\n')}`));
      else resolve({ ms: ready, lines: lines.filter((l) => l.at <= (ready ?? 0)) });
    });
  });
}

const work = await mkdtemp(join(tmpdir(), 'lambda-studio-install-'));
const clone = join(work, 'clone');
const workspace = join(work, 'workspace');
try {
  execFileSync('git', ['clone', '--quiet', root, clone]);
  const head = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: clone, encoding: 'utf8' }).trim();
  console.log(`Fresh clone of ${head.slice(0, 100)}`);

  const install = await npm(clone, ['install', '--no-audit', '--no-fund', '--timing']);
  const packages = /added (\d+) packages/.exec(install.output)?.[1] ?? '?';
  console.log(`npm install: ${seconds(install.ms)} (${packages} packages; target under 60 s)`);
  const { phases, packages: slowest } = dominant(install.output, 4);
  for (const { name, ms } of phases) console.log(`  ${seconds(ms).padStart(8)}  ${name}`);
  console.log(`  unpacked last (side by side): ${slowest.map(({ name, ms }) => `${name} ${seconds(ms)}`).join(', ')}`);
  console.log(`  load average during the run: ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`  aws-lambda-ric in node_modules: ${existsSync(join(clone, 'node_modules', 'aws-lambda-ric')) ? 'yes' : 'no'}`);

  // The install's `prepare` step built the web interface, so neither start has anything to build.
  for (const which of ['first start', 'second start']) {
    const start = await startUntilReady(clone, workspace);
    console.log(`npm start -- --no-open, ${which}: ${seconds(start.ms)} to the JSON line (target under 5 s)`);
    // The longest time between two lines is where it went: shown with the line that began it.
    let previous = { at: 0, text: '(npm starting)' };
    const gaps = start.lines.map((line) => {
      const gap = { ms: line.at - previous.at, after: previous.text.slice(0, 90) };
      previous = line;
      return gap;
    });
    for (const gap of gaps.sort((a, b) => b.ms - a.ms).slice(0, 2)) console.log(`  ${seconds(gap.ms).padStart(8)}  after: ${gap.after}`);
  }
} finally {
  if (keep) console.log(`Kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
