import { startWorker } from './runtime.ts';

// The sandbox worker's entry: bundled alone into one script by exerciseRuntime (vitePlugin.ts).
startWorker(self as unknown as Record<string, unknown> & { postMessage(m: unknown): void });
