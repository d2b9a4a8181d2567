import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronRight, Maximize2, ZoomIn, ZoomOut } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { segmentsOf, timelineRange } from './bars.ts';
import { isDone, type ExecutionView, type OperationView } from './model.ts';
import { operationLook, typeLabel } from './status-look.ts';
import { StatusIcon } from './StatusBadge.tsx';
import { createScale, ticks, ticksClearOfNow, xOf, zoomAround, type TimeScale } from './time-axis.ts';
import { formatCountdown } from './time-format.ts';
import { TypeIcon } from './TypeIcon.tsx';
import { visibleRows, type VisibleRow } from './visible-rows.ts';

export const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 26;
const LABEL_WIDTH = 380;
const INDENT = 14;

interface Props {
  execution: ExecutionView;
  operations: readonly OperationView[];
  nowMs: number;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Extra controls on a row (callback actions, skip), or nothing. */
  rowActions?: (op: OperationView) => ReactNode;
}

interface RowProps {
  item: VisibleRow<OperationView>;
  top: number;
  scale: TimeScale;
  nowMs: number;
  selected: boolean;
  onSelect(id: string): void;
  onToggle(id: string): void;
  actions: ReactNode;
}

function Bars({ op, scale, nowMs }: { op: OperationView; scale: TimeScale; nowMs: number }) {
  return (
    <>
      {segmentsOf(op, nowMs).map((s, i) => {
        const left = xOf(scale, s.startMs);
        const width = Math.max(s.kind === 'gap' || s.kind === 'scheduled' ? 1 : 4, xOf(scale, s.endMs) - left);
        return <div key={i} className={`bar bar--${s.kind} tone--${s.tone}${s.skipped === true ? ' bar--skipped' : ''}`} style={{ transform: `translateX(${left}px)`, width }} title={s.title} data-kind={s.kind} data-tone={s.tone} />;
      })}
    </>
  );
}

function Countdown({ op, nowMs }: { op: OperationView; nowMs: number }) {
  if (isDone(op.status)) return null;
  const due = op.type === 'WAIT' ? op.scheduledEndMs : op.status === 'PENDING' ? op.nextAttemptMs : undefined;
  if (due === undefined) return null;
  return (
    <span className="timeline-row__countdown mono" data-testid="row-countdown">
      {formatCountdown(due, nowMs)}
    </span>
  );
}

const Row = memo(function Row({ item, top, scale, nowMs, selected, onSelect, onToggle, actions }: RowProps) {
  const { row: op, depth, childCount, doneCount, expanded } = item;
  const look = operationLook(op.type, op.status);
  const attempts = op.attempts.length;
  return (
    <div
      className={`timeline-row${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(op.id)}
      data-testid="timeline-row"
      data-name={op.name}
      data-type={op.type}
      data-status={op.status}
      data-attempts={attempts}
      aria-selected={selected}
      role="row"
    >
      <div className={`timeline-row__label${actions !== null && actions !== undefined ? ' has-actions' : ''}`} style={{ paddingLeft: 6 + depth * INDENT }}>
        {childCount > 0 ? (
          <button
            className="timeline-row__toggle"
            aria-label={expanded ? `Collapse ${op.name}` : `Expand ${op.name}`}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(op.id);
            }}
            data-testid="row-toggle"
          >
            {expanded ? <ChevronDown size={13} /> : <ChevronRight size={13} />}
          </button>
        ) : (
          <span className="timeline-row__toggle" />
        )}
        <TypeIcon type={op.type} subType={op.subType} />
        <span className="timeline-row__name" title={`${op.name} · ${typeLabel(op.type, op.subType)}`}>
          {op.name}
        </span>
        <span className={`timeline-row__status tone-text--${look.tone}`} title={look.label}>
          <StatusIcon tone={look.tone} size={12} />
          <span className="timeline-row__status-word">{look.label}</span>
        </span>
        {attempts > 1 && (
          <span className="badge" title={`${attempts} attempts`} data-testid="row-attempts">
            ×{attempts}
          </span>
        )}
        {childCount > 0 && (
          <span className="badge" title={`${doneCount} of ${childCount} done`}>
            {doneCount}/{childCount}
          </span>
        )}
        <Countdown op={op} nowMs={nowMs} />
        {actions !== null && actions !== undefined && (
          <span className="timeline-row__actions" onClick={(e) => e.stopPropagation()}>
            {actions}
          </span>
        )}
      </div>
      <div className="timeline-row__track">
        <Bars op={op} scale={scale} nowMs={nowMs} />
      </div>
    </div>
  );
});

/** Keeps the viewport width and horizontal scroll in state, read once per frame. */
function useViewport(ref: React.RefObject<HTMLDivElement | null>) {
  const [view, setView] = useState({ width: 800, left: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = () => setView((v) => (v.width === el.clientWidth - LABEL_WIDTH && v.left === el.scrollLeft ? v : { width: Math.max(200, el.clientWidth - LABEL_WIDTH), left: el.scrollLeft }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [ref]);
  return view;
}

/**
 * The step timeline: operations on the left, time on the right, one virtualized row per
 * visible operation (10,000 of them scroll as smoothly as ten). Ctrl/⌘ + wheel zooms
 * around the pointer; arrow keys move the selection, ←/→ fold and unfold groups.
 */
export function Timeline({ execution, operations, nowMs, selectedId, onSelect, rowActions }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [zoom, setZoom] = useState(1);
  const view = useViewport(scrollRef);
  const rows = useMemo(() => visibleRows(operations, toggled), [operations, toggled]);
  const running = execution.endMs === undefined;
  const range = useMemo(() => timelineRange(execution, operations, nowMs), [execution, operations, nowMs]);
  const scale = useMemo(() => createScale(range.startMs, range.endMs, view.width - 16, zoom), [range, view.width, zoom]);
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh on every render, never memoized
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
  });

  // A click selects and gives the keyboard to the timeline, so arrow keys carry on from there.
  const selectByPointer = useCallback(
    (id: string) => {
      scrollRef.current?.focus({ preventScroll: true });
      onSelect(id);
    },
    [onSelect],
  );

  const onToggle = useCallback((id: string) => {
    setToggled((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const applyZoom = useCallback(
    (factor: number, anchorX?: number) => {
      const el = scrollRef.current;
      const anchor = anchorX ?? (el === null ? 0 : (el.clientWidth - LABEL_WIDTH) / 2);
      const next = zoomAround(zoom, factor, el?.scrollLeft ?? 0, anchor);
      setZoom(next.zoom);
      requestAnimationFrame(() => {
        if (scrollRef.current !== null) scrollRef.current.scrollLeft = next.scrollLeft;
      });
    },
    [zoom],
  );

  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const rect = el.getBoundingClientRect();
      applyZoom(event.deltaY < 0 ? 1.25 : 0.8, Math.max(0, event.clientX - rect.left - LABEL_WIDTH));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [applyZoom]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = rows.findIndex((r) => r.row.id === selectedId);
    const move = (to: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (target === undefined) return;
      event.preventDefault();
      onSelect(target.row.id);
      virtualizer.scrollToIndex(rows.indexOf(target), { align: 'auto' });
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index <= 0 ? 0 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(rows.length - 1);
    else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && index >= 0) {
      const current = rows[index]!;
      if (current.childCount > 0 && current.expanded === (event.key === 'ArrowLeft')) {
        event.preventDefault();
        onToggle(current.row.id);
      }
    } else if (event.key === '+' || event.key === '=') applyZoom(1.5);
    else if (event.key === '-') applyZoom(1 / 1.5);
  };

  const visibleTicks = ticks(scale, Math.max(0, view.left - 100), view.left + view.width + 100);
  const contentWidth = LABEL_WIDTH + scale.widthPx + 16;
  const height = virtualizer.getTotalSize();
  const nowX = running ? xOf(scale, nowMs) : undefined;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline__toolbar">
        <span className="timeline__count" data-testid="timeline-count">
          {operations.length.toLocaleString()} {operations.length === 1 ? 'operation' : 'operations'}
        </span>
        <span className="timeline__spacer" />
        <span className="timeline__hint">Ctrl + wheel to zoom</span>
        <button className="icon-button" onClick={() => applyZoom(1 / 1.5)} aria-label="Zoom out" title="Zoom out (-)" disabled={zoom <= 1} data-testid="zoom-out">
          <ZoomOut size={14} />
        </button>
        <span className="timeline__zoom mono" data-testid="zoom-level">
          {Math.round(zoom * 100)}%
        </span>
        <button className="icon-button" onClick={() => applyZoom(1.5)} aria-label="Zoom in" title="Zoom in (+)" data-testid="zoom-in">
          <ZoomIn size={14} />
        </button>
        <button className="icon-button" onClick={() => setZoom(1)} aria-label="Fit to width" title="Fit the whole execution" data-testid="zoom-fit">
          <Maximize2 size={13} />
        </button>
      </div>
      <div className="timeline__scroller" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="timeline-scroller" role="grid" aria-label="Step timeline">
        <div className="timeline__content" style={{ width: contentWidth, height }}>
          <div className="timeline__axis" style={{ width: contentWidth }}>
            <div className="timeline__axis-label">Operation</div>
            <div className="timeline__axis-track">
              {ticksClearOfNow(visibleTicks, nowX).map((t) => (
                <span key={t.ms} className="timeline__tick mono" style={{ transform: `translateX(${t.x}px)` }}>
                  {t.label}
                </span>
              ))}
              {nowX !== undefined && (
                <span className="timeline__now-label" style={{ transform: `translateX(${nowX}px)` }}>
                  now
                </span>
              )}
            </div>
          </div>
          <div className="timeline__grid" style={{ left: LABEL_WIDTH, top: HEADER_HEIGHT, height: Math.max(0, height - HEADER_HEIGHT) }}>
            {visibleTicks.map((t) => (
              <span key={t.ms} className="timeline__gridline" style={{ transform: `translateX(${t.x}px)` }} />
            ))}
            {nowX !== undefined && <span className="timeline__now" style={{ transform: `translateX(${nowX}px)` }} data-testid="timeline-now" title="Now" />}
          </div>
          {virtualizer.getVirtualItems().map((v) => {
            const item = rows[v.index]!;
            return (
              <Row
                key={item.row.id}
                item={item}
                top={v.start}
                scale={scale}
                nowMs={nowMs}
                selected={item.row.id === selectedId}
                onSelect={selectByPointer}
                onToggle={onToggle}
                actions={rowActions?.(item.row) ?? null}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
