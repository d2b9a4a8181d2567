/** The parts of a Monaco marker the Problems panel needs (kept structural so it tests without Monaco). */
export interface MarkerLike {
  resource: { path: string };
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  source?: string | undefined;
  code?: string | { value: string } | undefined;
}

export type ProblemSeverity = 'error' | 'warning' | 'info' | 'hint';

/** One row of the Problems panel. */
export interface ProblemRow {
  key: string;
  /** Path inside the function folder, e.g. `index.ts`. */
  file: string;
  line: number;
  column: number;
  severity: ProblemSeverity;
  message: string;
  /** e.g. `ts(2322)`. */
  code?: string | undefined;
}

// Monaco's MarkerSeverity values.
const SEVERITY: Record<number, ProblemSeverity> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'hint' };
const RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The URI path prefix of a function's models: `/functions/<name>/`. */
export function functionPathPrefix(functionName: string): string {
  return `/functions/${functionName}/`;
}

function codeLabel(marker: MarkerLike): string | undefined {
  const code = typeof marker.code === 'object' ? marker.code.value : marker.code;
  if (code === undefined || code === '') return undefined;
  return marker.source === 'ts' || marker.source === undefined ? `ts(${code})` : `${marker.source}(${code})`;
}

/**
 * The markers of one function's files as Problems rows: errors first, then by file and
 * position. Hints are left out, as VS Code does, because they are not problems.
 */
export function markersToProblems(markers: readonly MarkerLike[], functionName: string): ProblemRow[] {
  const prefix = functionPathPrefix(functionName);
  const rows: ProblemRow[] = [];
  for (const marker of markers) {
    const path = decodeURIComponent(marker.resource.path);
    if (!path.startsWith(prefix)) continue;
    const severity = SEVERITY[marker.severity] ?? 'info';
    if (severity === 'hint') continue;
    const file = path.slice(prefix.length);
    rows.push({
      key: `${file}:${marker.startLineNumber}:${marker.startColumn}:${rows.length}`,
      file,
      line: marker.startLineNumber,
      column: marker.startColumn,
      severity,
      message: marker.message,
      code: codeLabel(marker),
    });
  }
  return rows.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Counts for the status bar and the panel's tab. */
export function countProblems(rows: readonly ProblemRow[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const row of rows) {
    if (row.severity === 'error') errors += 1;
    else if (row.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}
