import { CopyButton } from './CopyButton.tsx';
import { StackTrace } from './StackTrace.tsx';
import type { ErrorInfo } from './model.ts';

/** An error as the handler raised it: type and message first, data and stack folded below. */
export function ErrorView({ error, testId }: { error: ErrorInfo; testId?: string }) {
  const headline = [error.type, error.message].filter((p) => p !== undefined && p !== '').join(': ') || 'Failed without a message';
  const stack = error.stack !== undefined && error.stack.length > 0 ? error.stack.join('\n') : undefined;
  return (
    <div className="error-view" data-testid={testId}>
      <div className="error-view__line">
        <span className="error-view__text">{headline}</span>
        <CopyButton text={[headline, error.data, stack].filter((p) => p !== undefined).join('\n')} label="Copy error" />
      </div>
      {error.data !== undefined && error.data !== '' && (
        <details className="error-view__fold">
          <summary>Data</summary>
          <pre className="mono">{error.data}</pre>
        </details>
      )}
      {stack !== undefined && (
        <details className="error-view__fold">
          <summary>Stack</summary>
          <StackTrace className="mono" lines={error.stack ?? []} />
        </details>
      )}
    </div>
  );
}
