import { defineConfig, devices } from "@playwright/test";
import { E2E_ENGINE, E2E_ENV, E2E_JOURNEY, E2E_URL } from "./e2e/env";

// Debian's Chromium (apt-get install -y chromium); Playwright never downloads a browser here.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      dependencies: ["setup"],
      // On PostgreSQL (npm test's second pass) only the journey from the desk to the reader runs.
      ...(E2E_ENGINE === "postgresql" ? { testMatch: E2E_JOURNEY } : {}),
    },
  ],
  webServer: {
    // Serves the production build (`npm run build` runs first in `npm test`: Next's build and the
    // compiled server, .next/dateline/server.mjs) on a fresh database.
    command: "npx tsx e2e/prepare-db.ts && node .next/dateline/server.mjs",
    url: `${E2E_URL}/login`,
    env: E2E_ENV,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
