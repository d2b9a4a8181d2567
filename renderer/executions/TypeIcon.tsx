import { Clock, Footprints, GitFork, Layers, Link2, Repeat, Timer, Webhook } from 'lucide-react';

/** The operation type as an icon, with the type in words for screen readers and hovers. */
export function TypeIcon({ type, subType }: { type: string; subType?: string | undefined }) {
  const props = { size: 13, className: 'type-icon', 'aria-label': subType ?? type };
  if (type === 'STEP') return <Footprints {...props} />;
  if (type === 'WAIT') return subType === 'WaitForCondition' ? <Timer {...props} /> : <Clock {...props} />;
  if (type === 'CALLBACK') return <Webhook {...props} />;
  if (type === 'CHAINED_INVOKE') return <Link2 {...props} />;
  if (type === 'CONTEXT') {
    if (subType === 'Parallel' || subType === 'ParallelBranch') return <GitFork {...props} />;
    if (subType === 'Map' || subType === 'MapIteration') return <Repeat {...props} />;
    return <Layers {...props} />;
  }
  return <Layers {...props} />;
}
