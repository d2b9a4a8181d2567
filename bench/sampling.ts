// How the request benches take their samples: latency of several kinds of call in interleaved
// blocks, and calls per second with a few callers in flight. Each prints its lines as it goes.
import { type Figures, figuresOf } from './stats.ts';

/** One call of the kind being measured; `i` numbers the call within its run. */
export type Call = (i: number) => Promise<void>;

export interface Kind {
  label: string;
  once: Call;
}

/** How many blocks the samples of each kind are taken in. */
const BLOCKS = 10;

/**
 * p50/p99 of each kind, after a warm-up of each (`warmUp` calls at the most: the JIT, the
 * connections), sampled in alternating blocks so drift in the machine (frequency, other load)
 * falls on every kind alike. `labelWidth` lines the printed figures up.
 */
export async function interleaved(kinds: Kind[], count: number, options: { warmUp: number; labelWidth: number }): Promise<Figures[]> {
  for (const kind of kinds) for (let i = 0; i < Math.min(options.warmUp, count); i++) await kind.once(i);
  const samples = kinds.map(() => [] as number[]);
  const perBlock = Math.ceil(count / BLOCKS);
  for (let block = 0; block < BLOCKS; block++) {
    for (const [k, kind] of kinds.entries()) {
      for (let i = 0; i < perBlock; i++) {
        const start = performance.now();
        await kind.once(i);
        samples[k]?.push(performance.now() - start);
      }
    }
  }
  return kinds.map((kind, k) => {
    const figures = figuresOf(samples[k] ?? []);
    console.log(`  ${kind.label.padEnd(options.labelWidth)} p50 ${figures.p50.toFixed(3)} ms   p99 ${figures.p99.toFixed(3)} ms   (n=${samples[k]?.length})`);
    return figures;
  });
}

/** Calls per second with `concurrency` callers in flight, printed as `<unit>/s` (invocations, requests). */
export async function throughput(label: string, count: number, call: Call, options: { concurrency: number; unit: string; labelWidth: number }): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < count) await call(next++);
    }),
  );
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(options.labelWidth)} ${perSecond.toFixed(0)} ${options.unit}/s   (${options.concurrency} in flight, n=${count})`);
  return perSecond;
}
