import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';

/** Copies `text`; the icon turns into a tick for a moment so the person knows it worked. */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1200);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <button type="button" className="icon-button icon-button--small" onClick={copy} aria-label={label} title={label} data-testid={testId}>
      {copied ? <Check size={12} /> : <Copy size={12} />}
    </button>
  );
}
