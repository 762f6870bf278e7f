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
});
