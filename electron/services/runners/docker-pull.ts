import type { PullImageResult } from '../../../shared/contract/docker.ts';
import type { DockerEngine } from './docker-engine.ts';

interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

/**
 * Pulls an image, reporting the engine's lines and the share of layer bytes fetched so far
 * (layers appear as the engine learns of them, so the figure can step back once or twice).
 */
export async function pullImage(engine: DockerEngine, image: string, onProgress: (line: string, percent?: number) => void = () => {}): Promise<PullImageResult> {
  await engine.ensureRunning();
  const started = performance.now();
  const layers = new Map<string, { current: number; total: number }>();
  const stream = await engine.docker.pull(image);
  await new Promise<void>((resolve, reject) => {
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
        if (event.id !== undefined && (event.status === 'Download complete' || event.status === 'Pull complete' || event.status === 'Already exists')) {
          const known = layers.get(event.id);
          if (known !== undefined) known.current = known.total;
        }
        let current = 0;
        let total = 0;
        for (const layer of layers.values()) {
          current += layer.current;
          total += layer.total;
        }
        const line = [event.id, event.status].filter(Boolean).join(': ');
        onProgress(line, total > 0 ? Math.min(100, (100 * current) / total) : undefined);
      },
    );
  });
  const info = await engine.docker.getImage(image).inspect();
  return { image, id: info.Id, durationMs: Math.round(performance.now() - started) };
}
