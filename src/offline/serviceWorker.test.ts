import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { precacheList, serviceWorkerSource } from './serviceWorker';

describe('offline service worker', () => {
  it('precaches the app but not source maps, the manifest or itself', () => {
    expect(
      precacheList([
        'index.html',
        'assets/a-1.js',
        'assets/a-1.js.map',
        'sw.js',
        '.vite/manifest.json',
        'favicon.svg',
        'index.html',
        'assets/KaTeX_Main-Regular-x.woff',
        'assets/KaTeX_Main-Regular-x.ttf',
        'assets/KaTeX_Main-Regular-x.woff2',
        'assets/codicon-y.ttf',
      ]),
    ).toEqual([
      'assets/KaTeX_Main-Regular-x.woff2',
      'assets/a-1.js',
      'assets/codicon-y.ttf',
      'favicon.svg',
      'index.html',
    ]);
  });

  it('names its cache by build version and lists exactly the files', () => {
    const source = serviceWorkerSource(['index.html', 'assets/x.js'], 'abc123');
    expect(source).toContain('const CACHE = "workbook-abc123";');
    expect(source).toContain('const FILES = ["index.html","assets/x.js"];');
    // It must compile as a classic script (compiled, not run).
    expect(() => new Script(source)).not.toThrow();
  });

  it('activates at once only when no version is running, and switches later on request', async () => {
    const source = serviceWorkerSource(['index.html'], 'v1');
    const run = async (active: boolean) => {
      const listeners: Record<string, (event: unknown) => void> = {};
      const skipped: string[] = [];
      const self = {
        registration: { active: active ? {} : null, scope: 'https://workbook.test/' },
        location: { origin: 'https://workbook.test' },
        addEventListener: (type: string, fn: (event: unknown) => void) => (listeners[type] = fn),
        skipWaiting: () => skipped.push('skip'),
        clients: { claim: () => Promise.resolve() },
      };
      const caches = { open: () => Promise.resolve({ addAll: () => Promise.resolve() }) };
      new Script(source).runInNewContext({ self, caches, fetch: () => {}, URL });
      let installed: Promise<unknown> = Promise.resolve();
      listeners.install!({ waitUntil: (p: Promise<unknown>) => (installed = p) });
      await installed;
      const afterInstall = skipped.length;
      listeners.message!({ data: { type: 'something-else' } });
      const afterOther = skipped.length;
      listeners.message!({ data: { type: 'skip-waiting' } });
      return { afterInstall, afterOther, afterAsk: skipped.length };
    };
    expect(await run(false)).toEqual({ afterInstall: 1, afterOther: 1, afterAsk: 2 });
    expect(await run(true)).toEqual({ afterInstall: 0, afterOther: 0, afterAsk: 1 });
  });
});
