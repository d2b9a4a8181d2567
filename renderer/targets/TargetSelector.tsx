import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check, ChevronUp, Cloud, Server, Settings } from 'lucide-react';
import { useUi } from '../shell/ui-store.ts';
import { useTargets } from './target-store.ts';
import { targetWhere } from './target-model.ts';
import { useCurrentTarget } from './useCurrentTarget.ts';
import './targets.css';

/** The status bar's target: where Executions, Approvals, Invoke and Deploy go. */
export function TargetSelector() {
  const current = useCurrentTarget();
  const targets = useTargets((s) => s.targets);
  const local = current.kind === 'local';
  return (
    <Menu.Root onOpenChange={(open) => open && void useTargets.getState().load()}>
      <Menu.Trigger asChild>
        <button
          className={`status-bar__item status-bar__button${local ? '' : ' status-target--aws'}`}
          aria-label={`Target: ${current.name}. Choose where executions, approvals and invokes go`}
          title="Where executions, approvals, invokes and deploys go"
          data-testid="status-target"
          data-target={current.id}
        >
          {local ? <Server size={12} aria-hidden /> : <Cloud size={12} aria-hidden />}
          {local ? 'Local' : `${current.name} · ${current.region}`}
          <ChevronUp size={11} aria-hidden />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu target-menu" side="top" align="start" sideOffset={4} data-testid="target-menu">
          <Menu.Label className="target-menu__label">Target</Menu.Label>
          {targets.map((t) => (
            <Menu.Item key={t.id} className="menu__item target-menu__item" onSelect={() => useTargets.getState().select(t.id)} data-testid={`target-option-${t.id}`}>
              <span className="target-menu__check">{t.id === current.id && <Check size={12} aria-label="current" />}</span>
              {t.kind === 'local' ? <Server size={12} aria-hidden /> : <Cloud size={12} aria-hidden />}
              <span className="target-menu__name">{t.name}</span>
              <span className="target-menu__where">{t.kind === 'local' ? 'this machine' : targetWhere(t)}</span>
            </Menu.Item>
          ))}
          <Menu.Separator className="target-menu__separator" />
          <Menu.Item className="menu__item target-menu__item" onSelect={() => useUi.getState().setView('settings')} data-testid="target-manage">
            <span className="target-menu__check" />
            <Settings size={12} aria-hidden />
            Manage targets…
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
