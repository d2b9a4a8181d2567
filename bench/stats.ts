/** p50 and p99 of a set of samples, in their unit. */
export interface Figures {
  p50: number;
  p99: number;
}

/** The p-th percentile of samples already sorted ascending (nearest rank, as the benches print it). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** p50 and p99 of `samples`, which it sorts in place. */
export function figuresOf(samples: number[]): Figures {
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/** The median time of a synchronous `run`, in milliseconds: 25 samples after 3 unmeasured runs. */
export function medianMs(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < 25; i++) {
    const began = performance.now();
    run();
    samples.push(performance.now() - began);
  }
  return figuresOf(samples).p50;
}
