import { existsSync, writeFileSync } from 'node:fs';
import { withDurableExecution } from '@aws/durable-execution-sdk-js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The fast step wins the race and the execution ends; the slow one waits until its gate (a file
// the test creates once that execution has ended) opens, and would then checkpoint its result
// after the invocation that started it has answered. A gate, not a time: on a loaded machine the
// fast branch can take longer than any fixed head start.
export const handler = withDurableExecution(async (event, context) => {
  const winner = await context.promise.race('race', [
    context.step('fast', async () => {
      // Held until an earlier execution's loser, resumed by this invocation, has finished: the
      // thawed loser runs only while an invocation does, and a quick one could end first.
      while (event.holdFor !== undefined && !existsSync(event.holdFor)) await sleep(10);
      return 'fast';
    }),
    context.step('late', async () => {
      // A beat each poll tells the test the step is still running: a frozen sandbox stops beating.
      for (let beat = 1; !existsSync(event.gate); beat++) {
        writeFileSync(`${event.gate}.beat`, String(beat));
        await sleep(20);
      }
      console.log('late step finished');
      writeFileSync(`${event.gate}.finished`, '');
      return 'late';
    }),
  ]);
  return { winner };
});
