import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

const local = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:|about:)/;

interface Guards {
  /** Console errors and uncaught exceptions seen during the test; must stay empty. */
  pageErrors: string[];
  /** Requests to anywhere but this machine; must stay empty. */
  externalRequests: string[];
}

/**
 * Every test fails if the page logs an error, throws, or tries to reach the network beyond
 * localhost: the workbook is meant to work offline and quietly.
 */
export const test = base.extend<Guards>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      await use(errors);
      expect(errors, 'console errors or uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
  externalRequests: [
    async ({ page }, use) => {
      const external: string[] = [];
      page.on('request', (r) => {
        if (!local.test(r.url())) external.push(r.url());
      });
      await use(external);
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core on the whole page; serious and critical violations fail the test. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, 'serious or critical accessibility violations').toEqual([]);
}

/**
 * Scrolls to a widget, quiz or exercise so its code loads, as a learner's scrolling does: blocks
 * load only when they come near the screen (src/content/runtime/NearViewport.tsx). The
 * placeholder has the block's name, so `block` finds it before the view replaces it.
 */
export async function reveal(block: Locator): Promise<void> {
  // A placeholder can be replaced by its view while it is being scrolled to (a shared link loads
  // its widget at once): then scroll to whatever carries the name now.
  await expect(async () => {
    await block.first().scrollIntoViewIfNeeded({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
