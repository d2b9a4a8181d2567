import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnly = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'renderer/dist/', 'test-results/', 'playwright-report/', 'resources/templates/', 'resources/bootstrap/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**', 'electron/services/**', 'electron/server/**'],
    rules: { 'no-restricted-imports': ['error', electronOnly] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...electronOnly, patterns: [{ group: ['node:*', '../electron/*', '../../electron/*', '../renderer/*'], message: 'shared/ is plain TypeScript for both sides.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { ...electronOnly, patterns: [{ group: ['node:*', '**/electron/**'], message: 'The renderer talks only to the contract.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'resources/**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
