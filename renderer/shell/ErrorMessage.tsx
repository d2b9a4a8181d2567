import { CircleAlert } from 'lucide-react';
import type { Failure } from '../lib/errors.ts';
import { TextWithCode } from './TextWithCode.tsx';

/** A failure for people: the sentence first, the long detail folded underneath. */
export function ErrorMessage({ failure, testId = 'error-message' }: { failure: Failure; testId?: string }) {
  return (
    <div className="error-message" role="alert" data-testid={testId}>
      <div className="error-message__line">
        <CircleAlert size={14} aria-hidden />
        <span>
          <TextWithCode text={failure.message} />
        </span>
      </div>
      {failure.details !== undefined && failure.details !== '' && (
        <details className="error-message__details">
          <summary>Details</summary>
          <pre>{failure.details}</pre>
        </details>
      )}
    </div>
  );
}
