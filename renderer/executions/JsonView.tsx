import { CopyButton } from './CopyButton.tsx';
import { prettyPayload } from './json-text.ts';

const FOLD_LINES = 24;

/** A payload shown as indented JSON with a copy button; long ones fold after the first lines. */
export function JsonView({ text, label, testId }: { text: string | undefined; label: string; testId?: string }) {
  if (text === undefined) return null;
  const pretty = prettyPayload(text);
  const lines = pretty.text.split('\n');
  const body = <pre className="json-view__pre mono">{pretty.text === '' ? '(empty)' : pretty.text}</pre>;
  return (
    <div className="json-view" data-testid={testId}>
      <div className="json-view__head">
        <span className="json-view__label">{label}</span>
        <CopyButton text={pretty.text} label={`Copy ${label.toLowerCase()}`} />
      </div>
      {lines.length > FOLD_LINES ? (
        <details className="json-view__fold">
          <summary>
            <pre className="json-view__pre mono">{lines.slice(0, 6).join('\n')}</pre>
            <span className="json-view__more">{lines.length - 6} more lines</span>
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
    </div>
  );
}
