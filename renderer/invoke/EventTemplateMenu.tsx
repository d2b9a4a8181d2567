import * as Menu from '@radix-ui/react-dropdown-menu';
import { LayoutTemplate } from 'lucide-react';
import { Fragment } from 'react';
import { EVENT_TEMPLATES, templateText, type EventTemplate } from '../../shared/events/event-templates.ts';
import { useInvoke } from './invoke-store.ts';
import './event-templates.css';

const GROUPS = [...new Set(EVENT_TEMPLATES.map((t) => t.group))];

/**
 * The Lambda console's event templates: picking one puts its event in the editor as a new,
 * unsaved event, ready to edit, invoke, and save under a name.
 */
export function EventTemplateMenu({ fn, onPick }: { fn: string; onPick: (template: EventTemplate) => void }) {
  const pick = (template: EventTemplate) => {
    const store = useInvoke.getState();
    store.selectEvent(fn, null);
    store.setEventText(fn, templateText(template));
    onPick(template);
  };
  return (
    <Menu.Root>
      <Menu.Trigger asChild>
        <button className="icon-button" aria-label="Start from an event template" title="Start from an event template" data-testid="event-templates">
          <LayoutTemplate size={13} />
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu event-templates" align="start" sideOffset={4} data-testid="event-templates-menu">
          <Menu.Label className="event-templates__title">Start from a template</Menu.Label>
          {GROUPS.map((group) => (
            <Fragment key={group}>
              <Menu.Label className="event-templates__group">{group}</Menu.Label>
              {EVENT_TEMPLATES.filter((t) => t.group === group).map((t) => (
                <Menu.Item key={t.id} className="menu__item event-templates__item" onSelect={() => pick(t)} data-testid={`event-template-${t.id}`}>
                  {t.label}
                </Menu.Item>
              ))}
            </Fragment>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
