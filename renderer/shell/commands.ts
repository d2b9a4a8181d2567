import { ArrowLeft, ArrowRight, BellRing, FilePlus2, History, PanelBottom, PanelLeft, PanelRight, Play, Save, Settings, SquareFunction, SunMoon, Workflow, type LucideIcon } from 'lucide-react';
import { showExecutionList } from '../executions/show-list.ts';
import { shortcutActions } from './actions.ts';
import type { ShortcutId } from './shortcuts.ts';
import { useUi, type View } from './ui-store.ts';

/** One thing the studio can do, as the command palette lists it. */
export interface StudioCommand {
  title: string;
  /** Other words people type for it. */
  keywords: string[];
  icon: LucideIcon;
  shortcut?: ShortcutId;
  run(): void;
}

function goTo(view: View): () => void {
  return view === 'executions' ? showExecutionList : () => useUi.getState().setView(view);
}

/** From another area, shows the panel beside the editor; beside the editor, toggles it. */
function toggleInvokePanel(): void {
  const ui = useUi.getState();
  if (ui.view === 'functions' || !ui.invokeOpen) ui.toggleInvoke();
  ui.setView('functions');
}

/** The theme on screen now, whether set or followed from the OS. */
function shownTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Every action of the studio; the shortcut handlers run the same functions. */
export const COMMANDS: readonly StudioCommand[] = [
  { title: 'Invoke the open function', keywords: ['run', 'test', 'event'], icon: Play, shortcut: 'invoke', run: shortcutActions.invoke },
  { title: 'Save', keywords: ['write'], icon: Save, shortcut: 'save', run: shortcutActions.save },
  { title: 'New function', keywords: ['create', 'template'], icon: FilePlus2, shortcut: 'newFunction', run: shortcutActions.newFunction },
  { title: 'Go to Functions', keywords: ['editor', 'code'], icon: SquareFunction, run: goTo('functions') },
  { title: 'Go to Workflows', keywords: ['canvas', 'graph'], icon: Workflow, run: goTo('workflows') },
  { title: 'Go to Executions', keywords: ['runs', 'history', 'durable'], icon: History, run: goTo('executions') },
  { title: 'Go to Approvals', keywords: ['callbacks', 'pending', 'inbox'], icon: BellRing, run: goTo('approvals') },
  { title: 'Go to Settings', keywords: ['preferences', 'docker', 'targets', 'credentials'], icon: Settings, run: goTo('settings') },
  { title: 'Go back', keywords: ['previous', 'history'], icon: ArrowLeft, shortcut: 'back', run: shortcutActions.back },
  { title: 'Go forward', keywords: ['next', 'history'], icon: ArrowRight, shortcut: 'forward', run: shortcutActions.forward },
  { title: 'Toggle the sidebar', keywords: ['side list', 'hide', 'show'], icon: PanelLeft, shortcut: 'toggleSidebar', run: shortcutActions.toggleSidebar },
  { title: 'Toggle the bottom panel', keywords: ['problems', 'log', 'output'], icon: PanelBottom, shortcut: 'togglePanel', run: shortcutActions.togglePanel },
  { title: 'Toggle the Invoke panel', keywords: ['event', 'result'], icon: PanelRight, run: toggleInvokePanel },
  { title: 'Toggle the theme (light / dark)', keywords: ['dark mode', 'light mode', 'colour', 'color'], icon: SunMoon, run: () => useUi.getState().setTheme(shownTheme() === 'dark' ? 'light' : 'dark') },
];
