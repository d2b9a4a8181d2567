import { useEffect, useState } from 'react';
import { usePanelRef, type Layout, type LayoutChangedMeta } from 'react-resizable-panels';

const WIDTH_KEY = 'lambda-studio.invoke-width';
export const INVOKE_DEFAULT_WIDTH = 460;
/** In a narrow window the code keeps at least half of the split, unless the user drags further. */
export const INVOKE_FIT_SHARE = 0.5;

function chosenWidth(): number {
  const stored = Number(localStorage.getItem(WIDTH_KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : INVOKE_DEFAULT_WIDTH;
}

/** The width the panel should have in a split this wide: the chosen one, as far as it fits. */
export function invokeWidthFor(splitWidth: number, chosen: number): number {
  return Math.round(Math.min(chosen, splitWidth * INVOKE_FIT_SHARE));
}

/**
 * The Invoke panel keeps the width the user dragged it to: a narrower window only lends part of
 * it to the code, and gives it back when the window grows again (the library alone keeps the
 * narrowed pixels for good).
 */
export function useInvokeWidth(open: boolean) {
  const panelRef = usePanelRef();
  const [split, setSplit] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    if (split === null || !open) return;
    const observer = new ResizeObserver(() => {
      const panel = panelRef.current;
      if (panel === null) return;
      const target = invokeWidthFor(split.clientWidth, chosenWidth());
      if (Math.abs(panel.getSize().inPixels - target) > 2) panel.resize(target);
    });
    observer.observe(split);
    return () => observer.disconnect();
  }, [split, open, panelRef]);
  const onLayoutChanged = (_layout: Layout, meta: LayoutChangedMeta) => {
    const panel = panelRef.current;
    if (!meta.isUserInteraction || panel === null) return;
    localStorage.setItem(WIDTH_KEY, String(Math.round(panel.getSize().inPixels)));
  };
  return { panelRef, splitRef: setSplit, onLayoutChanged };
}
