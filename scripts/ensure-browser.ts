/**
 * Run before the end-to-end tests: make sure a Chromium exists. A system Chromium is used as
 * is; otherwise Playwright's own is installed once (needs network access to its CDN).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './browser.ts';

const system = systemChromium();
if (system) {
  console.log(`e2e: using system Chromium at ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`e2e: using Playwright's Chromium at ${chromium.executablePath()}`);
} else {
  console.log('e2e: no Chromium found; installing Playwright’s (npx playwright install chromium)…');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
