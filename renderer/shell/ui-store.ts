import { create } from 'zustand';
import type { Failure } from '../lib/errors.ts';

export type View = 'functions' | 'workflows' | 'executions' | 'approvals' | 'settings';
export type ThemeSetting = 'system' | 'light' | 'dark';
export type BottomTab = 'problems' | 'output';

const THEME_KEY = 'lambda-studio.theme';
const BOTTOM_KEY = 'lambda-studio.bottom-open';
const INVOKE_KEY = 'lambda-studio.invoke-open';
const SIDE_KEY = 'lambda-studio.side-open';

function readTheme(): ThemeSetting {
  const stored = localStorage.getItem(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export interface Notice extends Failure {
  id: number;
  tone: 'error' | 'info';
}

interface UiState {
  view: View;
  bottomOpen: boolean;
  /** The side list beside the activity bar (Ctrl/Cmd+B folds it away). */
  sideOpen: boolean;
  bottomTab: BottomTab;
  /** The Invoke panel beside the editor. */
  invokeOpen: boolean;
  theme: ThemeSetting;
  paletteOpen: boolean;
  newFunctionOpen: boolean;
  notices: Notice[];
  setView(view: View): void;
  setBottomOpen(open: boolean): void;
  toggleBottom(): void;
  setSideOpen(open: boolean): void;
  toggleSide(): void;
  showBottomTab(tab: BottomTab): void;
  toggleInvoke(): void;
  setTheme(theme: ThemeSetting): void;
  setPaletteOpen(open: boolean): void;
  setNewFunctionOpen(open: boolean): void;
  notify(failure: Failure, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let noticeId = 0;

export const useUi = create<UiState>((set, get) => ({
  view: 'functions',
  bottomOpen: localStorage.getItem(BOTTOM_KEY) !== 'false',
  sideOpen: localStorage.getItem(SIDE_KEY) !== 'false',
  bottomTab: 'problems',
  invokeOpen: localStorage.getItem(INVOKE_KEY) !== 'false',
  theme: readTheme(),
  paletteOpen: false,
  newFunctionOpen: false,
  notices: [],
  setView: (view) => set({ view }),
  setBottomOpen: (bottomOpen) => {
    localStorage.setItem(BOTTOM_KEY, String(bottomOpen));
    set({ bottomOpen });
  },
  toggleBottom: () => get().setBottomOpen(!get().bottomOpen),
  setSideOpen: (sideOpen) => {
    localStorage.setItem(SIDE_KEY, String(sideOpen));
    set({ sideOpen });
  },
  toggleSide: () => get().setSideOpen(!get().sideOpen),
  showBottomTab: (bottomTab) => {
    get().setBottomOpen(true);
    set({ bottomTab });
  },
  toggleInvoke: () => {
    const invokeOpen = !get().invokeOpen;
    localStorage.setItem(INVOKE_KEY, String(invokeOpen));
    set({ invokeOpen });
  },
  setTheme: (theme) => {
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setNewFunctionOpen: (newFunctionOpen) => set({ newFunctionOpen, view: newFunctionOpen ? 'functions' : get().view }),
  notify: (failure, tone = 'error') => {
    noticeId += 1;
    // Keep the last few: an old error nobody read is not worth the space.
    set({ notices: [...get().notices.slice(-2), { ...failure, id: noticeId, tone }] });
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));
