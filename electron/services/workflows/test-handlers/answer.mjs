/** Answers with what it was sent. */
export const handler = async (event) => event.data;
