// A handler deployed as durable but not wrapped with withDurableExecution: its output is not a durable status.
export const handler = async () => ({ hello: 'world' });
