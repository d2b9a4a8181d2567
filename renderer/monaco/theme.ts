import { monaco } from './setup.ts';

// Backgrounds match the app's CSS variables so the editor sits in the frame without a seam.
monaco.editor.defineTheme('studio-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff', 'editor.lineHighlightBackground': '#f3f5f8' },
});
monaco.editor.defineTheme('studio-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#1e1f22', 'editorGutter.background': '#1e1f22', 'editor.lineHighlightBackground': '#26282c' },
});

export function setEditorTheme(resolved: 'light' | 'dark'): void {
  monaco.editor.setTheme(resolved === 'dark' ? 'studio-dark' : 'studio-light');
}
