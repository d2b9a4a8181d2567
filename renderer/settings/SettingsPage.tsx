import { Monitor, Moon, Sun } from 'lucide-react';
import type { ReactNode } from 'react';
import { useWorkspace } from '../functions/workspace-store.ts';
import { useUi, type ThemeSetting } from '../shell/ui-store.ts';
import { TargetsSection } from '../targets/TargetsSection.tsx';
import { DockerSection } from './DockerSection.tsx';
import { LambdaSection } from './LambdaSection.tsx';
import { StoreSection } from './StoreSection.tsx';

const THEMES: { value: ThemeSetting; label: string; icon: ReactNode }[] = [
  { value: 'system', label: 'System', icon: <Monitor size={14} /> },
  { value: 'light', label: 'Light', icon: <Sun size={14} /> },
  { value: 'dark', label: 'Dark', icon: <Moon size={14} /> },
];

/** Settings: appearance, and where this studio works. */
export function SettingsPage() {
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const info = useWorkspace((s) => s.info);
  return (
    <div className="page settings" data-testid="settings-page">
      <h2 className="page__title">Settings</h2>
      <section className="form-section">
        <h3 className="form-section__title">Appearance</h3>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <button key={t.value} role="radio" aria-checked={theme === t.value} className={theme === t.value ? 'is-active' : ''} onClick={() => setTheme(t.value)} data-testid={`theme-${t.value}`}>
              {t.icon} {t.label}
            </button>
          ))}
        </div>
        <p className="field__hint">System follows your operating system's light or dark setting; the editor follows too.</p>
      </section>
      <section className="form-section">
        <h3 className="form-section__title">Workspace</h3>
        <dl className="facts">
          <dt>Folder</dt>
          <dd className="mono" data-testid="settings-workspace">
            {info?.workspace ?? '…'}
          </dd>
          <dt>Host</dt>
          <dd data-testid="settings-host">{info === null ? '…' : info.host === 'serve' ? 'Local server (serve), in a browser' : 'Desktop app'}</dd>
          <dt>Platform</dt>
          <dd className="mono">{info?.platform ?? '…'}</dd>
          <dt>Version</dt>
          <dd className="mono">{info?.version ?? '…'}</dd>
        </dl>
        <p className="field__hint">The workspace is a plain folder you can keep in git: functions/, workflows/, events/, and .studio/ for local state.</p>
      </section>
      <TargetsSection />
      <LambdaSection />
      <StoreSection />
      <DockerSection />
    </div>
  );
}
