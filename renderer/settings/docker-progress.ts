import type { DockerProgress } from '../../shared/contract/docker.ts';

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** A pull's layers and bytes so far (`3/7 layers · 45 of 120 MB`), or '' for a build or before the engine gives sizes. */
export function progressCounts(progress: DockerProgress): string {
  const parts: string[] = [];
  if (progress.layersTotal !== undefined && progress.layersTotal > 0) parts.push(`${progress.layersDone ?? 0}/${progress.layersTotal} layers`);
  if (progress.bytesTotal !== undefined && progress.bytesTotal > 0) parts.push(`${mb(progress.bytesDone ?? 0)} of ${mb(progress.bytesTotal)}`);
  return parts.join(' · ');
}

/** One line for a person: what is being fetched or built, and how far it got. */
export function progressText(progress: DockerProgress): string {
  const what = progress.operation === 'pull' ? `Pulling ${progress.image}` : `Building ${progress.image}`;
  const counts = progressCounts(progress);
  return `${what}${counts === '' ? '' : ` · ${counts}`} — ${progress.line}`;
}
