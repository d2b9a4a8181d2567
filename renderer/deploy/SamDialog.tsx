import * as Dialog from '@radix-ui/react-dialog';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { GeneratedFile } from '../shell/GeneratedFile.tsx';
import { useSamTemplate, type SamSource } from './useSamTemplate.ts';
import './deploy.css';
import { DialogButtons } from '../shell/DialogButtons.tsx';

const WHAT: Record<SamSource['kind'], string> = {
  function: 'The function with alias live, an execution role with the least it needs, and their ARNs as outputs.',
  workflow: 'The workflow runner and every function its Lambda blocks call, the runner allowed to invoke exactly those, and the graph in the metadata.',
};

/** A function's or workflow's AWS SAM template, to copy into a repository and deploy from a pipeline. */
export function SamDialog({ source, before, onClose }: { source: SamSource; before?: () => Promise<void>; onClose(): void }) {
  const { file, failure } = useSamTemplate(source, before);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog generated-file-dialog" data-testid="sam-dialog">
          <Dialog.Title className="dialog__title">Export {source.name} as a SAM template</Dialog.Title>
          <Dialog.Description className="dialog__description">{WHAT[source.kind]}</Dialog.Description>
          {failure !== null && <ErrorMessage failure={failure} testId="sam-failure" />}
          {file === null && failure === null && <p className="panel-note">Generating…</p>}
          {file !== null && <GeneratedFile file={file} copyLabel="Copy the template" testIds={{ copy: 'sam-copy', text: 'sam-text' }} />}
          <p className="sam-dialog__how" data-testid="sam-how">
            Save it as <span className="mono">template.yaml</span> at the workspace’s root, then run <code className="mono">sam build &amp;&amp; sam deploy --guided</code>.
            {source.kind === 'workflow' && (
              <>
                {' '}
                The runner’s code lives outside the workspace: <code className="mono">npm run cli -- export-sam workflow {source.name} --workspace . --write</code> saves the template with the runner’s bundle in{' '}
                <span className="mono">workflow-runner/</span>.
              </>
            )}
          </p>
          <DialogButtons closeLabel="Close" focusClose closeTestId="sam-close" />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
