/**
 * @param {{ name?: string }} event what this function is invoked with
 * @param {import('aws-lambda').Context} context the invocation's details
 */
export const handler = async (event, context) => {
  const name = event?.name ?? 'world';
  console.log(`Greeting ${name}`);
  return {
    message: `Hello, ${name}!`,
    requestId: context.awsRequestId,
  };
};
