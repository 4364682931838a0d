import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "vitest/config";

// Integration tests run against a real SQLite file in a fresh temporary folder, with the
// real migrations applied by the global setup. Nothing touches data/.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-vitest-"));
const testEnv = {
  NODE_ENV: "test" as const,
  DATABASE_URL: `file:${path.join(dir, "test.db")}`,
  DATELINE_MEDIA_DIR: path.join(dir, "media"),
  DATELINE_TIMEZONE: "Europe/London",
};
Object.assign(process.env, testEnv);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "scripts/**/*.test.ts", "components/**/*.test.tsx"],
    env: testEnv,
    globalSetup: ["./lib/test/global-setup.ts"],
    // One database file: test files run one after another, tests inside a file in order.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
