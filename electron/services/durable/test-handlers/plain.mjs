export const handler = async (event) => {
  if (event.fail) throw new TypeError('plain function failed');
  return { plain: event };
};
