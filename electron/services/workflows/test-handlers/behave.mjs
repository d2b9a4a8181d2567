/** Does what the event asks: `{fail: {type, message}}` throws that error, `{result}` returns it. */
export const handler = async (event) => {
  const { fail, result } = event.data ?? {};
  if (fail) {
    const error = new Error(fail.message);
    error.name = fail.type;
    throw error;
  }
  return result;
};
