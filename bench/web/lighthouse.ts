/**
 * `npm run bench:lighthouse`: Lighthouse 12.2.3 (pinned: it runs on Node 20) in its default
 * mobile configuration (Moto G Power emulation, simulated slow 4G and 4× CPU throttling)
 * against the production build served by `vite preview` on 127.0.0.1, with the system
 * Chromium. Prints the performance score, FCP, LCP, TBT and CLS for the home page and three
 * lessons. Target: performance ≥ 95, TBT < 200 ms and CLS < 0.05 on every page.
 *
 * The preview server sends files uncompressed, so FCP and LCP read higher than from a host that
 * compresses; TBT and CLS do not depend on that. A bench, never a test: the figures depend on
 * the machine.
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview } from 'vite';
import { chromiumArgs, systemChromium } from '../../scripts/browser.ts';

const pages = [
  { name: 'home', path: '/' },
  { name: 'circuit breakers', path: '/learn/control-distribution/circuit-breakers' },
  { name: 'queueing', path: '/learn/probability/queueing' },
  { name: 'monitoring and alerting', path: '/learn/control-distribution/monitoring-alerting' },
];

const TARGET = { score: 95, tbtMs: 200, cls: 0.05 };

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
  const rows: string[][] = [];
  let misses = 0;
  try {
    for (const page of pages) {
      const result = await lighthouse(`http://127.0.0.1:${port}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { categories, audits } = result.lhr;
      const value = (id: string) => (audits[id] as Audit | undefined)?.numericValue ?? NaN;
      const score = Math.round((categories.performance?.score ?? 0) * 100);
      const tbt = value('total-blocking-time');
      const cls = value('cumulative-layout-shift');
      const ok = score >= TARGET.score && tbt < TARGET.tbtMs && cls < TARGET.cls;
      if (!ok) misses++;
      rows.push([
        page.name,
        String(score),
        `${(value('first-contentful-paint') / 1000).toFixed(1)} s`,
        `${(value('largest-contentful-paint') / 1000).toFixed(1)} s`,
        `${Math.round(tbt)} ms`,
        cls.toFixed(3),
        ok ? 'meets target' : 'misses target',
      ]);
    }
  } finally {
    chrome.kill();
    await server.close();
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
      `CLS < ${TARGET.cls}): ${misses} of ${rows.length}`,
  );
}

await main();
