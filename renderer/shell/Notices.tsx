import { Info, X } from 'lucide-react';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useUi } from './ui-store.ts';

/** Recent errors and notes, above the work area, until dismissed. */
export function Notices() {
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`} data-testid="notice">
          {notice.tone === 'error' ? (
            <ErrorMessage failure={notice} />
          ) : (
            <div className="notice__info">
              <Info size={14} aria-hidden />
              <span>{notice.message}</span>
            </div>
          )}
          <button className="icon-button" onClick={() => dismiss(notice.id)} aria-label="Dismiss" data-testid="notice-dismiss">
            <X size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
