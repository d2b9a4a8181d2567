import { FileCode2 } from 'lucide-react';
import { useState } from 'react';
import { Tip } from '../shell/Tip.tsx';
import { SamDialog } from './SamDialog.tsx';

/** The editor header's "Export SAM template": the function's template.yaml, to deploy from a pipeline. */
export function SamExportButton({ fn }: { fn: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tip label="Export SAM template: deploy from your own pipeline">
        <button className="button button--small" onClick={() => setOpen(true)} data-testid="function-export-sam">
          <FileCode2 size={13} /> Export SAM
        </button>
      </Tip>
      {open && <SamDialog source={{ kind: 'function', name: fn }} onClose={() => setOpen(false)} />}
    </>
  );
}
