import { appendFileSync } from 'node:fs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers with its name and what it was sent, after DELAY_MS when set. */
export const handler = async (event) => {
  if (process.env.RECORD_FILE) appendFileSync(process.env.RECORD_FILE, `${process.env.BLOCK_NAME} ${JSON.stringify(event.data)}\n`);
  if (process.env.DELAY_MS) await sleep(Number(process.env.DELAY_MS));
  return { by: process.env.BLOCK_NAME, data: event.data };
};
