import { useEffect, useState } from 'react';
import { setEditorTheme } from '../monaco/theme.ts';
import { useUi } from './ui-store.ts';

const query = window.matchMedia('(prefers-color-scheme: dark)');

/** Applies the theme to the page and to Monaco: the setting, or the OS when it is `system`. */
export function useTheme(): 'light' | 'dark' {
  const setting = useUi((s) => s.theme);
  const [osDark, setOsDark] = useState(query.matches);
  useEffect(() => {
    const onChange = (event: MediaQueryListEvent) => setOsDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const resolved = setting === 'system' ? (osDark ? 'dark' : 'light') : setting;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    setEditorTheme(resolved);
  }, [resolved]);
  return resolved;
}
