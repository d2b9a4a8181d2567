import { useEffect, useRef, useState } from 'react';

/** Fields with typing not yet written into the graph; a save or a run writes them first. */
const pending = new Set<() => void>();

export function commitDrafts(): void {
  for (const commit of [...pending]) commit();
}

const IDLE_MS = 600;

/**
 * A field's text while it is typed: written into the graph when typing pauses, on blur, or
 * before a save, so each pause is one undo step rather than each key.
 */
export function useDraft(value: string, commit: (text: string) => void): { text: string; change(text: string): void; flush(): void; reset(): void } {
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef({ draft, commit, value });
  useEffect(() => {
    latest.current = { draft, commit, value };
  });
  const flushRef = useRef(() => {
    const { draft: text, commit: write, value: current } = latest.current;
    pending.delete(flushRef.current);
    if (text !== null && text !== current) write(text);
    setDraft(null);
  });
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(flushRef.current, IDLE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const flush = flushRef.current;
    return () => {
      // Leaving the field (another block selected) keeps what was typed.
      if (pending.has(flush)) flush();
    };
  }, []);
  return {
    text: draft ?? value,
    change: (text) => {
      pending.add(flushRef.current);
      latest.current.draft = text;
      setDraft(text);
    },
    flush: () => flushRef.current(),
    reset: () => {
      pending.delete(flushRef.current);
      setDraft(null);
    },
  };
}
