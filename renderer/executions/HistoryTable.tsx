import { useVirtualizer } from '@tanstack/react-virtual';
import { Download } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { filterHistory } from './history-filter.ts';
import { JsonView } from './JsonView.tsx';
import type { HistoryRow } from './model.ts';
import { formatExact } from './time-format.ts';

const ROW = 26;

/** The raw GetDurableExecutionHistory events, filterable, each one's JSON below when selected. */
export function HistoryTable({ rows, onExport }: { rows: readonly HistoryRow[]; onExport?: (() => void) | undefined }) {
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const shown = useMemo(() => filterHistory(rows, text), [rows, text]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render, never memoized
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const current = rows.find((r) => r.index === selected);
  return (
    <div className="history" data-testid="history">
      <div className="history__toolbar">
        <input className="input" placeholder="Filter by event type, operation or name" value={text} onChange={(e) => setText(e.target.value)} data-testid="history-filter" />
        <span className="tone-text--stopped" data-testid="history-count">
          {shown.length === rows.length ? `${rows.length} events` : `${shown.length} of ${rows.length} events`}
        </span>
        <span className="exec-toolbar__spacer" />
        {onExport !== undefined && (
          <button className="button button--small" onClick={onExport} title="Download the history as JSON, in GetDurableExecutionHistory's shape" data-testid="export-history">
            <Download size={12} /> Export as JSON
          </button>
        )}
      </div>
      <div className="history__scroller" ref={scrollRef}>
        <div className="history__head">
          <span>#</span>
          <span>Event</span>
          <span>Operation</span>
          <span>Name</span>
          <span>Time</span>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = shown[v.index]!;
            return (
              <div key={r.index} className={`history-row${r.index === selected ? ' is-selected' : ''}`} style={{ transform: `translateY(${v.start}px)` }} onClick={() => setSelected(r.index)} data-testid="history-row" data-event-type={r.eventType}>
                <span className="mono">{r.eventId ?? r.index + 1}</span>
                <span>{r.eventType}</span>
                <span className="mono" title={r.operationId}>
                  {r.operationId ?? ''}
                </span>
                <span>{r.name ?? ''}</span>
                <span className="mono">{formatExact(r.timestampMs).slice(11)}</span>
              </div>
            );
          })}
        </div>
      </div>
      {current !== undefined && (
        <div className="history__raw">
          <JsonView text={JSON.stringify(current.raw)} label={`Event ${current.eventId ?? current.index + 1}`} testId="history-raw" />
        </div>
      )}
    </div>
  );
}
