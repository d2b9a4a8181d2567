import { ExternalLink } from 'lucide-react';
import { executionConsoleUrl } from './console-url.ts';
import { useCurrentTarget } from './useCurrentTarget.ts';

/**
 * Opens the execution's function in the AWS console. Only on an AWS target reached through AWS's
 * own endpoint: a custom endpoint's functions are not in any console.
 */
export function ConsoleLink({ arn, functionArn }: { arn: string; functionArn?: string | undefined }) {
  const target = useCurrentTarget();
  if (target.kind !== 'aws' || target.endpoint !== undefined) return null;
  const url = executionConsoleUrl(functionArn ?? arn) ?? executionConsoleUrl(arn);
  if (url === undefined) return null;
  return (
    <a className="link-button console-link" href={url} target="_blank" rel="noreferrer" title="The function’s page in the AWS console lists its durable executions" data-testid="execution-console-link">
      AWS console <ExternalLink size={11} aria-hidden />
    </a>
  );
}
