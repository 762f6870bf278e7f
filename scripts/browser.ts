import { existsSync } from 'node:fs';

/**
 * Where the end-to-end tests find Chromium: a path in CHROMIUM_PATH, else a system install
 * (Debian/Ubuntu packages), else null — then Playwright uses its own downloaded browser.
 */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Flags for headless Chromium in containers and on closed networks (no phoning home). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
