import { FileWarning } from 'lucide-react';

/** A workflow file that does not parse: what is wrong and the text as it is. Nothing here writes it. */
export function BrokenFile({ name, error, text }: { name: string; error: string; text: string }) {
  return (
    <div className="wf-broken" data-testid="workflow-broken">
      <div className="error-message" role="alert">
        <div className="error-message__line">
          <FileWarning size={14} aria-hidden />
          <span data-testid="workflow-file-error">
            <span className="mono">workflows/{name}.workflow.json</span> cannot be opened on the canvas: {error}
          </span>
        </div>
      </div>
      <p className="wf-broken__note">Fix the file in your editor; the canvas opens it as soon as it is valid again. The studio will not write to it until then.</p>
      <pre className="wf-broken__text mono" data-testid="workflow-file-text">
        {text}
      </pre>
    </div>
  );
}
