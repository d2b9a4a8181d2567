import type { Context, Handler } from 'aws-lambda';

/** What this function expects to be invoked with. */
interface GreetingEvent {
  name?: string;
}

interface GreetingResult {
  message: string;
  requestId: string;
}

export const handler: Handler<GreetingEvent, GreetingResult> = async (event, context: Context) => {
  const name = event.name ?? 'world';
  console.log(`Greeting ${name}`);
  return {
    message: `Hello, ${name}!`,
    requestId: context.awsRequestId,
  };
};
