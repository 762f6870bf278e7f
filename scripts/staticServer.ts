import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * A copy of a built site (the production build by default) served from a temporary folder on
 * 127.0.0.1, reading each file afresh on every request, so a test can deploy a "new version"
 * by changing a file in place (the preview server caches what it serves). Unknown paths get
 * index.html, as the README asks of static hosts. Used by e2e/install.spec.ts and by the
 * Lighthouse bench for its VitePress peer.
 */
export class BuildCopyServer {
  readonly dir: string;
  private server: Server | null = null;
  url = '';

  constructor(dist = path.resolve(import.meta.dirname, '..', 'dist')) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'workbook-build-'));
    cpSync(dist, this.dir, { recursive: true });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = path.join(this.dir, path.normalize(pathname));
      if (!file.startsWith(this.dir)) {
        res.writeHead(403).end();
        return;
      }
      if (!existsSync(file) || statSync(file).isDirectory())
        file = path.join(this.dir, 'index.html');
      res.writeHead(200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    writeFileSync(path.join(this.dir, file), text);
  }
}
