import { appendFileSync } from 'node:fs';

/** Makes the list a Map block runs over: 1..count. */
export const handler = async (event) => {
  if (process.env.RECORD_FILE) appendFileSync(process.env.RECORD_FILE, `${process.env.BLOCK_NAME} ${JSON.stringify(event.data)}\n`);
  return { items: Array.from({ length: event.data.count }, (_, i) => i + 1) };
};
