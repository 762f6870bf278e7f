import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { workbookContent } from './src/content/vitePlugin.ts';
import { exerciseRuntime } from './src/exercises/vitePlugin.ts';
import { offlineServiceWorker } from './src/offline/vitePlugin.ts';

const root = import.meta.dirname;

export default defineConfig({
  // Served from the site root by default; set BASE_PATH=/some/dir/ to host under a sub-path.
  base: process.env.BASE_PATH ?? '/',
  plugins: [
    // Unit tests import the compiler directly; they do not need the virtual modules.
    ...(process.env.VITEST
      ? []
      : [workbookContent({ contentDir: path.join(root, 'content'), rootDir: root })]),
    exerciseRuntime({ rootDir: root }),
    react(),
    offlineServiceWorker({ publicDir: path.join(root, 'public') }),
  ],
  build: {
    // The bundle-budget script reads the manifest to know what a lesson page loads.
    manifest: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Compiling Markdown with Shiki takes a moment on a cold start.
    testTimeout: 20_000,
    // `npm run bench`: Vitest's tables, then each bench's ratio again, last.
    benchmark: { reporters: ['default', './bench/ratioReporter.ts'] },
  },
});
