import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, systemChromium } from './scripts/browser.ts';

const executablePath = systemChromium();
// E2E_PORT lets a second checkout run its end-to-end tests while another is running.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only sometimes is a bug to fix, not to hide.
  retries: 0,
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
  // Waits are on conditions (a text, a role), so a generous ceiling costs nothing on a quiet
  // machine and keeps a busy one (CI beside other jobs) from failing a test that is right.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          args: chromiumArgs,
          ...(executablePath ? { executablePath } : {}),
        },
      },
    },
  ],
  // The production build, as learners get it (`npm test` builds first).
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
