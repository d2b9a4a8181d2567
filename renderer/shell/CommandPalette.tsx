import * as Dialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import { History, SquareFunction } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useEditor } from '../editor/editor-store.ts';
import { useExecutions } from '../executions/executions-store.ts';
import { executionLook } from '../executions/status-look.ts';
import { useWorkspace } from '../functions/workspace-store.ts';
import { COMMANDS } from './commands.ts';
import { shortcutLabel } from './shortcuts.ts';
import { useUi } from './ui-store.ts';

/** The most recent executions the palette offers by name; older ones are a search in Executions away. */
const EXECUTIONS_LISTED = 50;

function useRecentExecutions(open: boolean) {
  const list = useExecutions((s) => s.list);
  const loaded = useExecutions((s) => s.loaded);
  useEffect(() => {
    if (open && !loaded) void useExecutions.getState().load();
  }, [open, loaded]);
  return useMemo(() => [...list].sort((a, b) => b.startMs - a.startMs).slice(0, EXECUTIONS_LISTED), [list]);
}

/** Ctrl/Cmd+K or Ctrl/Cmd+Shift+P: every action, function and recent execution, by typing a few letters. */
export function CommandPalette() {
  const open = useUi((s) => s.paletteOpen);
  const setOpen = useUi((s) => s.setPaletteOpen);
  const functions = useWorkspace((s) => s.functions);
  const executions = useRecentExecutions(open);
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
            <Command.Input className="palette__input" placeholder="Type a command, a function or an execution…" autoFocus />
            <Command.List className="palette__list">
              <Command.Empty className="palette__empty">Nothing matches.</Command.Empty>
              <Command.Group heading="Commands">
                {COMMANDS.map((command) => (
                  <Command.Item key={command.title} value={command.title} keywords={command.keywords} onSelect={() => run(command.run)}>
                    <command.icon size={14} aria-hidden /> {command.title}
                    {command.shortcut !== undefined && <kbd className="kbd">{shortcutLabel(command.shortcut)}</kbd>}
                  </Command.Item>
                ))}
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
                      <SquareFunction size={14} aria-hidden /> {f.name}
                      <span className="palette__hint mono">{f.runtime ?? ''}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {executions.length > 0 && (
                <Command.Group heading="Executions">
                  {executions.map((e) => (
                    <Command.Item key={e.arn} value={`execution ${e.name}`} keywords={[e.functionName]} onSelect={() => run(() => useExecutions.getState().open(e.arn))}>
                      <History size={14} aria-hidden /> <span className="palette__name mono">{e.name}</span>
                      <span className="palette__hint">
                        {e.functionName} · {executionLook(e.status).label}
                      </span>
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
