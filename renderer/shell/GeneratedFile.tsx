import { CopyButton } from '../executions/CopyButton.tsx';
import './generated-file.css';

/** A file the studio generated (a handler, a template): its name, a copy button and the text. */
export function GeneratedFile({ file, copyLabel, testIds }: { file: { fileName: string; text: string }; copyLabel: string; testIds: { copy: string; text: string } }) {
  return (
    <div className="generated-file">
      <div className="generated-file__head">
        <span className="mono">{file.fileName}</span>
        <CopyButton text={file.text} label={copyLabel} testId={testIds.copy} />
      </div>
      <pre className="mono" data-testid={testIds.text}>
        {file.text}
      </pre>
    </div>
  );
}
