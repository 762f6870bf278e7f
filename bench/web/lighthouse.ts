/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3 (pinned: it runs on Node 20) in its default
 * mobile configuration (Moto G Power emulation, simulated slow 4G and 4× CPU throttling)
 * against the production build served by `vite preview` on 127.0.0.1, with the system
 * Chromium. Prints the performance score, FCP, LCP, TBT and CLS for the home page and three
 * lessons. Target: performance ≥ 95, TBT < 200 ms and CLS < 0.05 on every page.
 *
 * Beside them, the same figures for VitePress (what a documentation author would pick instead)
 * serving the circuit-breakers lesson's Markdown, built by the bench itself in a temporary
 * folder from the same file with the directives stripped (`:calc` numbers filled in, widgets
 * and directive fences dropped, their contents kept), so both are measured in one run on one
 * machine. VitePress gets no Mermaid or math plugin: its page carries less than ours.
 *
 * The preview servers send files uncompressed, so FCP and LCP read higher than from a host that
 * compresses; TBT and CLS do not depend on that. A bench, never a test: the figures depend on
 * the machine.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview } from 'vite';
import { build as buildVitepress } from 'vitepress';
import { chromiumArgs, systemChromium } from '../../scripts/browser.ts';
import { BuildCopyServer } from '../../scripts/staticServer.ts';
import { calculations } from '../../src/calc/registry.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'circuit breakers', path: '/learn/control-distribution/circuit-breakers' },
  { name: 'queueing', path: '/learn/probability/queueing' },
  { name: 'monitoring and alerting', path: '/learn/control-distribution/monitoring-alerting' },
];

const TARGET = { score: 95, tbtMs: 200, cls: 0.05 };
const PEER_LESSON = 'content/control-distribution/01-circuit-breakers.md';

/** `of="queue.mmc" lambda="10"` → { of: 'queue.mmc', lambda: '10' }. */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)=(?:"([^"]*)"|([^\s}]+))/g)) out[m[1]!] = m[2] ?? m[3]!;
  return out;
}

/** The lesson as plain Markdown: directives stripped, computed numbers filled in. */
export function plainMarkdown(source: string): string {
  const [, front = '', body = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const title = /^title:\s*(.+)$/m.exec(front)?.[1] ?? 'Lesson';
  const lines = body.split('\n').flatMap((line) => {
    const open = /^:{3,}\s*[a-z]+(?:\[(.*)\])?/.exec(line);
    if (open) return open[1] ? [`**${open[1]}**`, ''] : [];
    if (/^:{2,}\s*$/.test(line) || /^::[a-z]+\{/.test(line)) return [];
    return [line];
  });
  const text = lines.join('\n').replace(/:calc\{([^}]*)\}/g, (_, inner: string) => {
    const attrs = attributes(inner);
    const result = calculations[attrs.of ?? '']?.(attrs);
    return result?.ok ? result.text : '?';
  });
  return `# ${title}\n\n${text}`;
}

/**
 * Builds the peer site in a temporary folder under node_modules/.cache (inside the project, so
 * VitePress finds vue and its other packages); returns the folder.
 */
async function buildPeer(): Promise<string> {
  const cache = path.resolve('node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'workbook-vitepress-'));
  mkdirSync(path.join(dir, '.vitepress'));
  writeFileSync(
    path.join(dir, '.vitepress', 'config.mjs'),
    `export default { title: 'Reliability Workbook (VitePress)', lang: 'en' };\n`,
  );
  writeFileSync(path.join(dir, 'index.md'), plainMarkdown(readFileSync(PEER_LESSON, 'utf8')));
  await buildVitepress(dir);
  return dir;
}

interface Audit {
  numericValue?: number;
}

async function main() {
  if (!existsSync('dist/index.html')) {
    console.error('bench:lighthouse measures the production build: run `npm run build` first.');
    process.exit(1);
  }
  const chromePath = systemChromium();
  if (!chromePath && !process.env.CHROME_PATH) {
    console.log('bench:lighthouse: no system Chromium (set CHROMIUM_PATH); nothing measured.');
    return;
  }
  const port = Number(process.env.BENCH_PORT ?? 4391);
  const server = await preview({
    preview: { host: '127.0.0.1', port, strictPort: true },
    logLevel: 'silent',
  });
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  const peerDir = await buildPeer();
  const peerServer = new BuildCopyServer(path.join(peerDir, '.vitepress', 'dist'));
  await peerServer.start();
  const targets = [
    ...pages.map((p) => ({ name: p.name, url: `http://127.0.0.1:${port}${p.path}`, ours: true })),
    {
      name: 'circuit breakers, VitePress 1.6.4 (peer)',
      url: `${peerServer.url}/`,
      ours: false,
    },
  ];
  const rows: string[][] = [];
  let misses = 0;
  try {
    for (const page of targets) {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
      const { categories, audits } = result.lhr;
      const value = (id: string) => (audits[id] as Audit | undefined)?.numericValue ?? NaN;
      const score = Math.round((categories.performance?.score ?? 0) * 100);
      const tbt = value('total-blocking-time');
      const cls = value('cumulative-layout-shift');
      const ok = score >= TARGET.score && tbt < TARGET.tbtMs && cls < TARGET.cls;
      if (!ok && page.ours) misses++;
      rows.push([
        page.name,
        String(score),
        `${(value('first-contentful-paint') / 1000).toFixed(1)} s`,
        `${(value('largest-contentful-paint') / 1000).toFixed(1)} s`,
        `${Math.round(tbt)} ms`,
        cls.toFixed(3),
        !page.ours ? 'peer' : ok ? 'meets target' : 'misses target',
      ]);
    }
  } finally {
    chrome.kill();
    await server.close();
    await peerServer.stop();
    rmSync(peerDir, { recursive: true, force: true });
  }
  const header = ['page', 'performance', 'FCP', 'LCP', 'TBT', 'CLS', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(
    '\nLighthouse 12.2.3, mobile, simulated throttling (production build, this machine):',
  );
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nPages missing the target (performance ≥ ${TARGET.score}, TBT < ${TARGET.tbtMs} ms, ` +
      `CLS < ${TARGET.cls}): ${misses} of ${pages.length}`,
  );
}

await main();
