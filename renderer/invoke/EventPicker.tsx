import { Save, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { TestEventName } from '../../shared/contract/invoke.ts';
import { Tip } from '../shell/Tip.tsx';
import { EventTemplateMenu } from './EventTemplateMenu.tsx';
import { useInvoke } from './invoke-store.ts';

const UNSAVED = '';

/** Saved test events of a function: pick one, save the editor under its name or a new one, delete. */
export function EventPicker({ fn }: { fn: string }) {
  const { events, selected } = useInvoke((s) => s.get(fn));
  const { selectEvent, saveEvent, deleteEvent } = useInvoke.getState();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  /** The template the unsaved event came from, offered as its name when it is saved. */
  const [template, setTemplate] = useState<string | null>(null);
  const parsed = TestEventName.safeParse(name);
  const problem = name === '' ? undefined : parsed.success ? undefined : parsed.error.issues[0]?.message;

  if (naming) {
    const submit = async (event: React.FormEvent) => {
      event.preventDefault();
      if (!parsed.success) return;
      if (await saveEvent(fn, name)) setNaming(false);
    };
    return (
      <form className="event-picker" onSubmit={(e) => void submit(e)}>
        <input
          className={`input input--compact mono${problem !== undefined ? ' is-invalid' : ''}`}
          value={name}
          autoFocus
          placeholder="event-name"
          aria-label="Test event name"
          title={problem ?? 'Letters, digits, ., - and _'}
          spellCheck={false}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setNaming(false)}
          data-testid="event-name-input"
        />
        <button type="submit" className="button button--small" disabled={!parsed.success} data-testid="event-name-save">
          Save
        </button>
        <button type="button" className="button button--small" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    );
  }

  const startNaming = () => {
    setName(selected === null ? (template ?? '') : `${selected}-copy`);
    setNaming(true);
  };
  return (
    <div className="event-picker">
      <EventTemplateMenu fn={fn} onPick={(t) => setTemplate(t.id)} />
      <select
        className="input input--compact"
        aria-label="Saved test event"
        value={selected ?? UNSAVED}
        onChange={(e) => selectEvent(fn, e.target.value === UNSAVED ? null : e.target.value)}
        data-testid="event-select"
      >
        <option value={UNSAVED}>{events.length === 0 ? 'No saved events' : 'Unsaved event'}</option>
        {events.map((e) => (
          <option key={e.name} value={e.name}>
            {e.name}
          </option>
        ))}
      </select>
      <Tip label={selected === null ? 'Save this event under a name' : `Save over ${selected}`}>
        <button className="icon-button" aria-label="Save event" onClick={() => (selected === null ? startNaming() : void saveEvent(fn, selected))} data-testid="event-save">
          <Save size={13} />
        </button>
      </Tip>
      <button className="link-button" onClick={startNaming} data-testid="event-save-as">
        Save as…
      </button>
      {selected !== null && (
        <Tip label={`Delete ${selected}`}>
          <button className="icon-button" aria-label="Delete event" onClick={() => void deleteEvent(fn, selected)} data-testid="event-delete">
            <Trash2 size={13} />
          </button>
        </Tip>
      )}
    </div>
  );
}
