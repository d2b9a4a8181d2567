// Many durable executions at once in the real studio composition (the local Lambda service with
// its process sandboxes and the durable engine on SQLite): each does a step, a 1 s wait, a
// callback this bench answers through the API as soon as its id arrives, and a map of three.
// Prints the time to all finished, the spread of each execution's start-to-end time (starvation
// shows as a long max), when the last execution got its first invocation, the sandboxes used,
// the peak RSS of this process (which hosts the engine and the service), and the change events
// per second the engine makes against those the renderer receives (batched per execution).
// Run: node bench/many-executions.ts [count]
import { runManyExecutions } from '../electron/services/durable/many-executions.ts';
import { percentile } from './stats.ts';

const count = Number(process.argv[2] ?? 1000);
const f = await runManyExecutions(count);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (n: number) => `${(n / (f.totalMs / 1000)).toFixed(0)}/s`;
console.log(`${f.count} executions at once: ${f.succeeded} succeeded, all finished in ${s(f.totalMs)} (${((f.count * 1000) / f.totalMs).toFixed(1)} executions/s)`);
console.log(`start to end per execution: p50 ${s(percentile(f.completionMs, 50))}  p99 ${s(percentile(f.completionMs, 99))}  max ${s(f.completionMs.at(-1) ?? NaN)}`);
console.log(`start to first invocation: p50 ${s(percentile(f.firstInvocationMs, 50))}  p99 ${s(percentile(f.firstInvocationMs, 99))}  max ${s(f.firstInvocationMs.at(-1) ?? NaN)}`);
console.log(`the last first invocation began at ${s(f.lastFirstInvocationAt)}; the median execution ended at ${s(f.medianEndAt)}`);
console.log(`sandboxes used at most: ${f.peakSandboxes}`);
console.log(`studio process RSS: ${mb(f.rssBefore)} before, ${mb(f.rssPeak)} at most (peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)})`);
console.log(`change events: engine ${f.engineChanges} (${perSecond(f.engineChanges)}), renderer receives ${f.rendererEvents} (${perSecond(f.rendererEvents)})`);
