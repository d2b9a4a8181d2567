import { describe, expect, it } from 'vitest';
import { progressCounts, progressText } from './docker-progress.ts';

describe('docker progress text', () => {
  it('gives a pull its layers and bytes, and a build its line only', () => {
    const pull = { operation: 'pull', image: 'public.ecr.aws/lambda/nodejs:22', line: 'abc: Downloading', layersDone: 2, layersTotal: 5, bytesDone: 12e6, bytesTotal: 80e6 } as const;
    expect(progressCounts(pull)).toBe('2/5 layers · 12 MB of 80 MB');
    expect(progressText({ operation: 'build', image: 'lambda-studio/nodejs:22-local', line: 'Step 1/6 : FROM scratch' })).toBe('Building lambda-studio/nodejs:22-local — Step 1/6 : FROM scratch');
  });
});
