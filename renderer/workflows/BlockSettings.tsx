import type { Block } from '../../shared/workflow/schema.ts';
import { optional, patchBlock } from './block-edit.ts';
import { formatSeconds } from '../executions/time-format.ts';
import { BranchList } from './BranchList.tsx';
import { AreaField, NumberField } from './fields.tsx';
import { InputSampleField } from './InputSampleField.tsx';
import { LambdaSettings } from './LambdaSettings.tsx';
import { fieldProblems, type ProblemRow } from './problems-store.ts';

const CEL_VARS = 'Reads data, blocks, input.';

/** The settings of one block, by its type. */
export function BlockSettings({ block, problems, readOnly }: { block: Block; problems: readonly ProblemRow[] | undefined; readOnly: boolean }) {
  const p = (field: string) => fieldProblems(problems, field);
  const common = { readOnly };
  switch (block.type) {
    case 'input':
      return <InputSampleField block={block} readOnly={readOnly} />;
    case 'lambda':
      return <LambdaSettings block={block} problems={problems} readOnly={readOnly} />;
    case 'transform':
      return <AreaField {...common} label="Expression (CEL)" rows={3} value={block.expression} problems={p('expression')} hint={`Its value is the output. ${CEL_VARS}`} onCommit={(v) => patchBlock(block.id, 'transform', (b) => ({ ...b, expression: v }))} testId="inspector-expression" />;
    case 'condition':
      return <BranchList block={block} problems={problems} readOnly={readOnly} />;
    case 'map':
      return (
        <>
          <AreaField {...common} label="Items (CEL)" value={block.items} problems={p('items')} hint={`A list; the blocks inside run once per item, with the item as data. ${CEL_VARS}`} onCommit={(v) => patchBlock(block.id, 'map', (b) => ({ ...b, items: v }))} testId="inspector-items" />
          <NumberField {...common} label="At most at once" value={block.maxConcurrency} min={1} optional hint="Empty: as many as the engine allows." onCommit={(v) => patchBlock(block.id, 'map', (b) => ({ ...b, maxConcurrency: v }))} testId="inspector-max-concurrency" />
          <NumberField {...common} label="Failures tolerated" value={block.toleratedFailures} min={0} problems={p('toleratedFailures')} hint="Items that may fail before the Map fails." onCommit={(v) => patchBlock(block.id, 'map', (b) => ({ ...b, toleratedFailures: v ?? 0 }))} testId="inspector-tolerated-failures" />
        </>
      );
    case 'parallel':
      return <p className="wf-rules__empty">Each separate chain of blocks inside runs at the same time; the output holds each chain’s last block by name.</p>;
    case 'wait':
      return <NumberField {...common} label="Wait" unit="s" value={block.seconds} min={1} problems={p('seconds')} hint={formatSeconds(block.seconds)} onCommit={(v) => v !== undefined && patchBlock(block.id, 'wait', (b) => ({ ...b, seconds: v }))} testId="inspector-seconds" />;
    case 'approval':
      return (
        <>
          <AreaField {...common} label="Instructions" rows={3} value={block.instructions} hint="Shown to whoever approves." onCommit={(v) => patchBlock(block.id, 'approval', (b) => ({ ...b, instructions: v }))} testId="inspector-instructions" />
          <NumberField {...common} label="Timeout" unit="s" value={block.timeoutSeconds} min={1} optional hint={block.timeoutSeconds === undefined ? 'Empty: waits as long as the run may.' : formatSeconds(block.timeoutSeconds)} onCommit={(v) => patchBlock(block.id, 'approval', (b) => ({ ...b, timeoutSeconds: v }))} testId="inspector-timeout" />
          <NumberField {...common} label="Heartbeat timeout" unit="s" value={block.heartbeatSeconds} min={1} optional problems={p('heartbeatSeconds')} hint="Fails the approval when no heartbeat arrives this long." onCommit={(v) => patchBlock(block.id, 'approval', (b) => ({ ...b, heartbeatSeconds: v }))} testId="inspector-heartbeat" />
        </>
      );
    case 'output':
      return <AreaField {...common} label="Expression (CEL)" value={block.expression ?? ''} placeholder="data (as it arrives)" problems={p('expression')} hint={`The run’s result. ${CEL_VARS}`} onCommit={(v) => patchBlock(block.id, 'output', (b) => ({ ...b, expression: optional(v) }))} testId="inspector-output-expression" />;
  }
}
