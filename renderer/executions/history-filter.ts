import type { HistoryRow } from './model.ts';

/** Rows whose type, operation id or name contain every word of `text`. */
export function filterHistory(rows: readonly HistoryRow[], text: string): HistoryRow[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const hay = `${r.eventType} ${r.operationId ?? ''} ${r.name ?? ''} ${r.eventId ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
