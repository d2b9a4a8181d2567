import { useEffect, useState } from 'react';
import type { DockerProgress } from '../../shared/contract/docker.ts';
import { api } from '../api/api.ts';
import { progressText } from '../settings/docker-progress.ts';

/**
 * The pull or build an invoke waits for: the docker runner fetches or builds the base image
 * on first use, which takes seconds to minutes. Mounted only while an invoke runs, so each
 * run starts with no line and an earlier run's line never shows.
 */
export function DockerProgressLine() {
  const [progress, setProgress] = useState<DockerProgress | null>(null);
  useEffect(
    () =>
      api().on('docker.progress', (event) => {
        if (event.forInvoke === true) setProgress(event);
      }),
    [],
  );
  if (progress === null) return null;
  return (
    <div className="field__hint" data-testid="invoke-docker-progress" role="status">
      {progress.percent !== undefined && <progress max={100} value={progress.percent} aria-label={`${progress.operation} progress`} />}{' '}
      <span className="mono">{progressText(progress)}</span>
    </div>
  );
}
