/// <reference types="node" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // The config is started from the repository root (npm run build:renderer); the app lives here.
  root: import.meta.dirname,
  // Relative asset paths so the same build loads from `serve` and from Electron's file:// URL.
  base: './',
  plugins: [react()],
  // Monaco's workers import ES modules; the classic worker format cannot hold them.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    // Monaco and its TypeScript worker are large by nature; the warning would only be noise.
    chunkSizeWarningLimit: 8_000,
  },
  server: { host: '127.0.0.1' },
});
