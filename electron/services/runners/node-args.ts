/**
 * V8 heap flags as Lambda's Node bootstrap derives them from the memory size: a tenth for the
 * young generation, split into two semi spaces, and the other nine tenths for the old space.
 * Without the semi-space flag V8 sizes the young generation for a large machine, and a
 * data-heavy handler at 128 MB holds tens of MB more than it does in Lambda.
 */
export function nodeMemoryArgs(memorySize: number): string[] {
  // The bootstrap uses shell integer division; the floors keep tiny sizes startable.
  const newSpace = Math.floor(memorySize / 10);
  const semiSpace = Math.max(1, Math.floor(newSpace / 2));
  const oldSpace = Math.max(32, memorySize - newSpace);
  return [`--max-semi-space-size=${semiSpace}`, `--max-old-space-size=${oldSpace}`];
}

/** The arguments that start a Node sandbox: V8 sizes, source maps, the SDK provider, then `program`. */
export function nodeSandboxArgs(memorySize: number, runtimeDir: string, program: string): string[] {
  return [...nodeMemoryArgs(memorySize), '--enable-source-maps', '--disable-warning=ExperimentalWarning', '--import', `${runtimeDir}/provide-sdk.mjs`, program];
}
