import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { precacheList, serviceWorkerSource } from './serviceWorker.ts';

/** Emits `sw.js` listing every file of the build (and of public/) for offline use. */
export function offlineServiceWorker(options: { publicDir: string }): Plugin {
  return {
    name: 'workbook-offline',
    apply: 'build',
    generateBundle(_options, bundle) {
      const publicFiles = readdirSync(options.publicDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) =>
          path
            .relative(options.publicDir, path.join(e.parentPath, e.name))
            .split(path.sep)
            .join('/'),
        );
      const files = precacheList([...Object.keys(bundle), ...publicFiles]);
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerSource(files, version),
      });
    },
  };
}
