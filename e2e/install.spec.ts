import { expect, test } from './fixtures';
import { BuildCopyServer } from '../scripts/staticServer';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

test('the workbook is installable: a linked manifest with its icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).not.toBeNull();
  const manifestUrl = new URL(href!, page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as Manifest;
  expect(manifest.name).toBe('Reliability Workbook');
  expect(manifest.display).toBe('standalone');
  // Relative to the manifest: the app's own root, whatever BASE_PATH it was built with.
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL('/', page.url()).href);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(new URL('/', page.url()).href);
  for (const colour of [manifest.theme_color, manifest.background_color])
    expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const file = await request.get(new URL(icon.src, manifestUrl).href);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()['content-type']).toContain(icon.type);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
});

test.describe('a new version', () => {
  let server: BuildCopyServer;
  test.beforeAll(async () => {
    server = new BuildCopyServer();
    await server.start();
  });
  test.afterAll(() => server.stop());

  test('is announced with a reload button, and switching keeps the learner’s settings', async ({
    page,
  }) => {
    await page.goto(`${server.url}/`);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise<void>((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', () => resolve()),
        );
      }
    });
    const notice = page.getByRole('status').filter({ hasText: 'A new version' });
    await expect(notice).toHaveCount(0);

    // Deploy a new build: its service worker differs (a new cache version, as any change makes).
    const sw = server.read('sw.js');
    const version = /const CACHE = "(workbook-[^"]+)"/.exec(sw)?.[1];
    expect(version).toBeDefined();
    server.write('sw.js', sw.replace(version!, `${version}-next`));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    await expect(notice).toBeVisible();
    await expect(notice).toContainText('your progress stays as it is');
    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(notice).toHaveCount(0);
    expect(await page.evaluate(() => caches.keys())).toEqual([`${version}-next`]);
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });
});
