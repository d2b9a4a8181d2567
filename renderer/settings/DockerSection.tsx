import { Download, Hammer, RefreshCw, X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { BuildBaseImageResult, DockerOverview, DockerProgress, LocalBaseKind } from '../../shared/contract/docker.ts';
import { api } from '../api/api.ts';
import { toFailure, type Failure } from '../lib/errors.ts';
import { ErrorMessage } from '../shell/ErrorMessage.tsx';
import { TextWithCode } from '../shell/TextWithCode.tsx';
import { progressText } from './docker-progress.ts';

const STATE_TEXT: Record<DockerOverview['engine']['state'], string> = {
  running: 'Running',
  'not-running': 'Not running',
  'not-installed': 'Not installed',
};

const megabytes = (bytes: number | undefined) => (bytes === undefined ? '' : ` · ${Math.round(bytes / 1e6)} MB`);
const RUNTIME_TEXT: Record<LocalBaseKind, string> = { nodejs: 'Node.js', python: 'Python' };

/** The Docker engine behind the docker runner: its state, the images functions would use, and building the local base images. */
export function DockerSection() {
  const [overview, setOverview] = useState<DockerOverview | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [building, setBuilding] = useState<LocalBaseKind | null>(null);
  const [built, setBuilt] = useState<BuildBaseImageResult | null>(null);
  const [pulling, setPulling] = useState<string | null>(null);
  const [progress, setProgress] = useState<DockerProgress | null>(null);
  useEffect(() => api().on('docker.progress', setProgress), []);

  const load = useCallback(
    () =>
      api()
        .call('docker.status', {})
        .then(
          (next) => {
            setOverview(next);
            setFailure(null);
          },
          (error: unknown) => setFailure(toFailure(error, 'Could not ask the Docker engine')),
        ),
    [],
  );
  const refresh = () => void load();
  useEffect(() => {
    void load();
  }, [load]);
  // A pull or build an invoke started has no call here to end it: once its lines stop, look again.
  useEffect(() => {
    if (progress?.forInvoke !== true) return;
    const quiet = setTimeout(() => {
      setProgress(null);
      void load();
    }, 3_000);
    return () => clearTimeout(quiet);
  }, [progress, load]);

  const build = (runtime: LocalBaseKind) => {
    setBuilding(runtime);
    setFailure(null);
    setBuilt(null);
    api()
      .call('docker.buildBaseImage', { runtime })
      .then(
        (result) => {
          setBuilt(result);
          refresh();
        },
        (error: unknown) => setFailure(toFailure(error, `The local ${RUNTIME_TEXT[runtime]} base image was not built`)),
      )
      .finally(() => setBuilding(null));
  };

  const pull = (image: string) => {
    setPulling(image);
    setFailure(null);
    setProgress(null);
    api()
      .call('docker.pullImage', { image })
      .then(
        () => refresh(),
        (error: unknown) => setFailure(toFailure(error)),
      )
      .finally(() => {
        setPulling(null);
        setProgress(null);
      });
  };

  const engine = overview?.engine;
  const busy = building !== null || pulling !== null;
  const running = engine?.state === 'running';
  return (
    <section className="form-section" data-testid="settings-docker">
      <h3 className="form-section__title">Docker</h3>
      {failure !== null && <ErrorMessage failure={failure} />}
      <dl className="facts">
        <dt>Engine</dt>
        <dd data-testid="docker-state" data-state={engine?.state ?? 'unknown'}>
          {engine === undefined ? '…' : `${STATE_TEXT[engine.state]}${engine.version === undefined ? '' : ` · Docker ${engine.version}`}`}
        </dd>
        <dt>Socket</dt>
        <dd className="mono" data-testid="docker-socket">
          {engine?.socket ?? '…'}
        </dd>
        {running &&
          overview?.images.map((image) => (
            <div key={image.name} style={{ display: 'contents' }}>
              <dt>{`${image.kind === 'official' ? 'Official' : 'Local base'} image, ${RUNTIME_TEXT[image.runtime]}`}</dt>
              <dd className="fact-copy mono" data-testid={`docker-image-${image.kind}-${image.runtime}`} data-present={image.present} data-outdated={image.outdated === true}>
                <span>
                  {image.name} — {!image.present ? 'not on this engine' : image.outdated === true ? `out of date — rebuild${megabytes(image.sizeBytes)}` : `present${megabytes(image.sizeBytes)}`}
                </span>
                {image.kind === 'official' && !image.present && (
                  <button className="button button--small" onClick={() => pull(image.name)} disabled={busy} data-testid="docker-pull">
                    <Download size={13} /> {pulling === image.name ? 'Pulling…' : 'Pull'}
                  </button>
                )}
                {image.kind === 'local-base' && (
                  <button className="button button--small" onClick={() => build(image.runtime)} disabled={busy} data-testid={`docker-build-${image.runtime}`}>
                    <Hammer size={13} /> {building === image.runtime ? 'Building…' : image.present ? 'Rebuild' : 'Build'}
                  </button>
                )}
              </dd>
            </div>
          ))}
      </dl>
      {engine !== undefined && !running && (
        <p className="field__hint" data-testid="docker-fix">
          <TextWithCode text={`${engine.message} ${engine.fix ?? ''}`} />
        </p>
      )}
      {(busy || progress?.forInvoke === true) && progress !== null && (
        <div className="field__hint" data-testid="docker-progress">
          {progress.percent !== undefined && <progress max={100} value={progress.percent} aria-label={`${progress.operation} progress`} />}{' '}
          <span className="mono">{progressText(progress)}</span>
          {progress.forInvoke === true && <span> (started by an invoke)</span>}
          {progress.operation === 'pull' && (
            <button className="button button--small" onClick={() => void api().call('docker.cancelPull', { image: progress.image })} data-testid="docker-cancel-pull">
              <X size={13} /> Cancel
            </button>
          )}
        </div>
      )}
      {built !== null && (
        <p className="field__hint" data-testid="docker-built">
          Built {built.image} ({Math.round(built.sizeBytes / 1e6)} MB) in {(built.durationMs / 1000).toFixed(1)} s.
        </p>
      )}
      <div className="form-actions">
        <button className="button button--small" onClick={refresh} data-testid="docker-refresh">
          <RefreshCw size={13} /> Check again
        </button>
      </div>
      <p className="field__hint">
        Functions whose function.json says <span className="mono">"runner": "docker"</span> run in containers. They use the official Lambda image of their runtime
        when this engine has it, else the runtime's local base image, which is built here without any registry: for Node.js from the studio's own Node.js,
        bootstrap and aws-lambda-ric (installed and compiled on the first build, once per machine), for Python from this machine's Python 3 and the studio's Python bootstrap. With neither, the first invoke of a function
        pulls the official image, or builds the local base image when the engine reaches no registry.
      </p>
    </section>
  );
}
