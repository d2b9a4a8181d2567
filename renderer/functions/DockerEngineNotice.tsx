import { TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { DockerStatus } from '../../shared/contract/docker.ts';
import { api } from '../api/api.ts';
import { toFailure } from '../lib/errors.ts';
import { TextWithCode } from '../shell/TextWithCode.tsx';
import { useUi } from '../shell/ui-store.ts';

/** Asked when Docker is chosen: says at once when no engine would run the function, and what to do. */
export function DockerEngineNotice() {
  const [engine, setEngine] = useState<DockerStatus | null>(null);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api()
      .call('docker.status', {})
      .then(
        (overview) => current && setEngine(overview.engine),
        (error: unknown) => current && setUnreachable(toFailure(error).message),
      );
    return () => {
      current = false;
    };
  }, []);
  if (engine?.state === 'running' || (engine === null && unreachable === null)) return null;
  return (
    <div className="banner banner--warning" data-testid="cfg-docker-engine">
      <TriangleAlert size={14} aria-hidden />
      <span>
        <TextWithCode text={engine === null ? `The Docker engine's state is unknown: ${unreachable ?? ''}` : `${engine.message} ${engine.fix ?? ''}`} /> Until an engine
        runs, invokes of this function fail; the process runner needs no Docker.{' '}
        <button type="button" className="link-button" onClick={() => useUi.getState().setView('settings')}>
          Settings › Docker
        </button>
      </span>
    </div>
  );
}
