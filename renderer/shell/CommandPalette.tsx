import * as Dialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { FilePlus2, PanelBottom, Save, Settings, SquareFunction } from 'lucide-react';
import { useEditor } from '../editor/editor-store.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { shortcutActions } from './actions.ts';
import { shortcutLabel } from './shortcuts.ts';
import { useUi } from './ui-store.ts';

/** Ctrl/Cmd+K: every action and every function, by typing a few letters. */
export function CommandPalette() {
  const open = useUi((s) => s.paletteOpen);
  const setOpen = useUi((s) => s.setPaletteOpen);
  const functions = useWorkspace((s) => s.functions);
  const run = (action: () => void) => {
    setOpen(false);
    action();
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay dialog-overlay--light" />
        <Dialog.Content className="palette" aria-describedby={undefined} data-testid="command-palette">
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          <Command label="Command palette">
            <Command.Input className="palette__input" placeholder="Type a command or a function name…" autoFocus />
            <Command.List className="palette__list">
              <Command.Empty className="palette__empty">Nothing matches.</Command.Empty>
              <Command.Group heading="Actions">
                <Command.Item onSelect={() => run(shortcutActions.newFunction)}>
                  <FilePlus2 size={14} /> New function<kbd className="kbd">{shortcutLabel('newFunction')}</kbd>
                </Command.Item>
                <Command.Item onSelect={() => run(shortcutActions.save)}>
                  <Save size={14} /> Save<kbd className="kbd">{shortcutLabel('save')}</kbd>
                </Command.Item>
                <Command.Item onSelect={() => run(shortcutActions.togglePanel)}>
                  <PanelBottom size={14} /> Toggle bottom panel<kbd className="kbd">{shortcutLabel('togglePanel')}</kbd>
                </Command.Item>
                <Command.Item onSelect={() => run(() => useUi.getState().setView('settings'))}>
                  <Settings size={14} /> Open settings
                </Command.Item>
              </Command.Group>
              {functions.length > 0 && (
                <Command.Group heading="Functions">
                  {functions.map((f) => (
                    <Command.Item
                      key={f.name}
                      value={`function ${f.name}`}
                      onSelect={() =>
                        run(() => {
                          useUi.getState().setView('functions');
                          void useEditor.getState().open(f.name);
                        })
                      }
                    >
                      <SquareFunction size={14} /> {f.name}
                      <span className="palette__hint mono">{f.runtime ?? ''}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
