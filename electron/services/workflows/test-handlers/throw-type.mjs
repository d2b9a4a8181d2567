/** Throws an error of the type it is sent: `{type}`. */
export const handler = async (event) => {
  const error = new Error(`failed as asked (${event.data.type})`);
  error.name = event.data.type;
  throw error;
};
