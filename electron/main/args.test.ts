import { describe, expect, it } from 'vitest';
import { parseMainArgs } from './args.ts';

describe('desktop app arguments', () => {
  it('finds --workspace in either form among other switches', () => {
    expect(parseMainArgs(['/usr/bin/electron', '.', '--no-sandbox', '--workspace', 'ws'], '/home/a')).toEqual({ workspace: '/home/a/ws' });
    expect(parseMainArgs(['app', '--workspace=/srv/ws'], '/home/a')).toEqual({ workspace: '/srv/ws' });
    expect(parseMainArgs(['app', '--workspace'], '/home/a')).toEqual({});
  });
});
