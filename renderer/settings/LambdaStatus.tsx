import { Zap } from 'lucide-react';
import { useEffect } from 'react';
import { Tip } from '../shell/Tip.tsx';
import { useUi } from '../shell/ui-store.ts';
import { useLambdaEndpoint } from './lambda-endpoint-store.ts';

/** The status bar's Lambda endpoint; a click opens Settings, where it can be copied with its credentials. */
export function LambdaStatus() {
  const info = useLambdaEndpoint((s) => s.info);
  const setView = useUi((s) => s.setView);
  useEffect(() => {
    void useLambdaEndpoint.getState().load();
  }, []);
  if (info === null) return null;
  return (
    <Tip label="Local Lambda API: endpoint, region and credentials in Settings" side="top">
      <button className="status-bar__item status-bar__button" onClick={() => setView('settings')} data-testid="status-lambda">
        <Zap size={12} aria-hidden />
        <span className="mono">{info.endpoint.replace(/^https?:\/\//, '')}</span>
      </button>
    </Tip>
  );
}
