import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [w, theme, parts] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 5)];
const page = await browser.newPage({ viewport: { width: w, height: 900 }, colorScheme: theme });
page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
await page.goto('http://127.0.0.1:4208/learn/control-distribution/kill-switches');
const region = page.getByRole('region', { name: 'Kill switch drill', exact: true });
for (let i = 0; i < 20 && !(await region.count()); i++) { await page.mouse.wheel(0, 2000); await page.waitForTimeout(300); }
await region.scrollIntoViewIfNeeded();
await region.getByText(/^Simulated [\d,]+ runs/).waitFor({ timeout: 120000 });
if (process.argv[5]) await region.getByRole('button', { name: 'Back ' + process.argv[5] + ' s' }).first().click().catch(() => {});
await page.waitForTimeout(1500);
const box = await region.boundingBox();
const scrollY = await page.evaluate(() => window.scrollY);
const top = box.y + scrollY;
const h = 1400;
for (let i = 0; i < parts && i * h < box.height; i++)
  await page.screenshot({ path: `/tmp/ks-${w}-${theme}-${i}.png`, fullPage: true, clip: { x: 0, y: top + i * h, width: w, height: Math.min(h, box.height - i * h) } });
await browser.close();
