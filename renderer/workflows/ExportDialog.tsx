import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { GeneratedFile } from '../shell/GeneratedFile.tsx';
import { saveNow } from './autosave.ts';
import { exportWorkflow } from './workflows-api.ts';
import { DialogButtons } from '../shell/DialogButtons.tsx';

/** The saved workflow as a TypeScript durable handler, to read or copy into a function. */
export function ExportDialog({ name, onClose }: { name: string; onClose(): void }) {
  const [result, setResult] = useState<{ fileName: string; code: string } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  useEffect(() => {
    let live = true;
    saveNow()
      .then(() => exportWorkflow(name))
      .then((r) => live && setResult(r))
      .catch((error: unknown) => live && setFailure(toFailure(error, 'Could not turn the workflow into code')));
    return () => {
      live = false;
    };
  }, [name]);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog generated-file-dialog" data-testid="export-dialog">
          <Dialog.Title className="dialog__title">Export {name} as code</Dialog.Title>
          <Dialog.Description className="dialog__description">A durable function handler that does what the graph does; each block becomes the operation of the same name.</Dialog.Description>
          {failure !== null && <ErrorMessage failure={failure} />}
          {result === null && failure === null && <p className="panel-note">Generating…</p>}
          {result !== null && <GeneratedFile file={{ fileName: result.fileName, text: result.code }} copyLabel="Copy the code" testIds={{ copy: 'export-copy', text: 'export-code' }} />}
          <DialogButtons closeLabel="Close" focusClose />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
