import type { PullImageResult } from '../../../shared/contract/docker.ts';
import type { DockerEngine } from './docker-engine.ts';

interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

/** Layers and bytes of a pull so far (layers appear as the engine learns of them). */
export interface PullStats {
  layersDone: number;
  layersTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

/**
 * Pulls an image, reporting the engine's lines and the share of layer bytes fetched so far
 * (layers appear as the engine learns of them, so the figure can step back once or twice).
 * Aborting `signal` closes the request, which makes the engine cancel the pull.
 */
export async function pullImage(
  engine: DockerEngine,
  image: string,
  onProgress: (line: string, percent?: number, stats?: PullStats) => void = () => {},
  signal?: AbortSignal,
): Promise<PullImageResult> {
  await engine.ensureRunning();
  signal?.throwIfAborted();
  const started = performance.now();
  const layers = new Map<string, { current: number; total: number }>();
  const done = new Set<string>();
  const seen = new Set<string>();
  const stream = (await engine.docker.pull(image)) as NodeJS.ReadableStream & { destroy(error?: Error): void };
  const abort = () => stream.destroy(new Error(`The pull of ${image} was cancelled.`));
  signal?.addEventListener('abort', abort, { once: true });
  await new Promise<void>((resolve, reject) => {
    // followProgress does not always report a destroyed stream, so the abort rejects too.
    signal?.addEventListener('abort', () => reject(new Error(`The pull of ${image} was cancelled.`)), { once: true });
    engine.docker.modem.followProgress(
      stream,
      (error: Error | null, output: PullEvent[]) => {
        const failed = output.find((entry) => entry.error !== undefined);
        if (error !== null) reject(error);
        else if (failed !== undefined) reject(new Error(failed.error));
        else resolve();
      },
      (event: PullEvent) => {
        const detail = event.progressDetail;
        if (event.id !== undefined && detail?.total !== undefined && detail.total > 0) {
          // Download and extraction both report bytes; the download is what takes the time.
          if (event.status === 'Downloading') layers.set(event.id, { current: detail.current ?? 0, total: detail.total });
        }
        // Layer events carry a 12-hex id; the first line's id is the tag.
        const layer = event.id !== undefined && /^[0-9a-f]{12}$/.test(event.id) ? event.id : undefined;
        if (layer !== undefined) seen.add(layer);
        if (layer !== undefined && (event.status === 'Download complete' || event.status === 'Pull complete' || event.status === 'Already exists')) {
          done.add(layer);
          const known = layers.get(layer);
          if (known !== undefined) known.current = known.total;
        }
        let current = 0;
        let total = 0;
        for (const layer of layers.values()) {
          current += layer.current;
          total += layer.total;
        }
        const line = [event.id, event.status].filter(Boolean).join(': ');
        const stats = { layersDone: done.size, layersTotal: seen.size, bytesDone: current, bytesTotal: total };
        onProgress(line, total > 0 ? Math.min(100, (100 * current) / total) : undefined, stats);
      },
    );
  }).finally(() => signal?.removeEventListener('abort', abort));
  const info = await engine.docker.getImage(image).inspect();
  return { image, id: info.Id, durationMs: Math.round(performance.now() - started) };
}
