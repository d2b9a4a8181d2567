import { appendFileSync } from 'node:fs';

/** Doubles a number; 13 is refused with an error type of its own. */
export const handler = async (event) => {
  if (process.env.RECORD_FILE) appendFileSync(process.env.RECORD_FILE, `${process.env.BLOCK_NAME} ${JSON.stringify(event.data)}\n`);
  if (event.data === 13) {
    const error = new Error('13 has no price');
    error.name = 'UnluckyNumber';
    throw error;
  }
  return event.data * 2;
};
