import { CircleCheck, CircleX, LoaderCircle } from 'lucide-react';
import type { Target } from '../../shared/contract/targets.ts';
import { CopyButton } from '../executions/CopyButton.tsx';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import type { TestState } from './target-store.ts';
import { summarizeTest } from './target-model.ts';

/** A connection test's answer: the account reached, or what went wrong and the command that fixes it. */
export function TestOutcome({ target, state }: { target: Target; state: TestState }) {
  if (state.running) {
    return (
      <div className="target-test" data-testid="target-test-running">
        <span className="target-test__line">
          <LoaderCircle size={14} className="spin" aria-hidden /> Asking {target.kind === 'local' ? 'the local service' : 'AWS'}…
        </span>
      </div>
    );
  }
  if ('failure' in state) return <ErrorMessage failure={state.failure} testId="target-test-failure" />;
  const summary = summarizeTest(state.result, target);
  return (
    <div className={`target-test ${summary.ok ? 'target-test--ok' : 'target-test--problem'}`} role="status" data-testid="target-test-result" data-ok={summary.ok}>
      <span className="target-test__line">
        {summary.ok ? <CircleCheck size={14} className="tone-success" aria-hidden /> : <CircleX size={14} className="tone-error" aria-hidden />}
        <span data-testid="target-test-headline">{summary.headline}</span>
      </span>
      {summary.detail !== undefined && <span className="target-test__detail">{summary.detail}</span>}
      {summary.command !== undefined && (
        <span className="target-test__command">
          Run <code data-testid="target-test-command">{summary.command}</code> in a terminal, then test again.
          <CopyButton text={summary.command} label="Copy the command" testId="target-test-copy" />
        </span>
      )}
    </div>
  );
}
