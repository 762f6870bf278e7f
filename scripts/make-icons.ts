/**
 * `npx tsx scripts/make-icons.ts`: the app icons in public/icons/, drawn by Chromium from
 * public/favicon.svg, so the home-screen icon is the favicon. Run it again after changing the
 * favicon and commit the PNGs (they are static files, not built).
 *
 * - icon-192.png, icon-512.png: the favicon as it is (rounded square), "any" purpose.
 * - maskable-512.png: the same mark on a full-bleed square, scaled into the central 70 % so a
 *   launcher's circle or squircle mask never cuts it (the safe zone is the central 80 %).
 * - apple-touch-icon.png (180 px): full-bleed, since iOS rounds the corners itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, systemChromium } from './browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'public', 'favicon.svg'), 'utf8');
const BRAND = '#1d4ed8';

const icons: { file: string; size: number; bleed: boolean; scale: number }[] = [
  { file: 'icon-192.png', size: 192, bleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, bleed: false, scale: 1 },
  { file: 'maskable-512.png', size: 512, bleed: true, scale: 0.7 },
  { file: 'apple-touch-icon.png', size: 180, bleed: true, scale: 0.86 },
];

const executablePath = systemChromium();
const browser = await chromium.launch({
  args: chromiumArgs,
  ...(executablePath ? { executablePath } : {}),
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inner = Math.round(icon.size * icon.scale);
    await page.setContent(
      `<html><body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;` +
        `place-items:center;background:${icon.bleed ? BRAND : 'transparent'}">` +
        `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>` +
        `</body></html>`,
    );
    await page.screenshot({
      path: path.join(root, 'public', 'icons', icon.file),
      omitBackground: !icon.bleed,
    });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size} px)`);
  }
} finally {
  await browser.close();
}
