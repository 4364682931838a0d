import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { defineConfig } from "vitest/config";
import { freePort } from "./lib/test/pg-cluster";

// Integration tests run against a real database with the real migrations applied by the global
// setup. Nothing touches data/. By default that is a SQLite file in a fresh temporary folder;
// with DATELINE_TEST_DATABASE=postgres it is a fresh PostgreSQL cluster that the global setup
// starts on a free port (lib/test/pg-cluster.ts) and deletes afterwards.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-vitest-"));
const postgres = process.env.DATELINE_TEST_DATABASE === "postgres";
const testEnv = {
  NODE_ENV: "test" as const,
  DATABASE_URL: postgres ? `postgresql://dateline@127.0.0.1:${await freePort()}/dateline_test` : `file:${path.join(dir, "test.db")}`,
  DATELINE_MEDIA_DIR: path.join(dir, "media"),
  DATELINE_TIMEZONE: "Europe/London",
  // The archived-copy tests' source server is on loopback (lib/sources/sources.int.test.ts), and a
  // second one, an opted-out publisher a redirect leads to, at another loopback address.
  DATELINE_SOURCE_PRIVATE_HOSTS: "127.0.0.1:*,127.0.0.2:*",
  DATELINE_TEST_DIR: dir,
};
Object.assign(process.env, testEnv);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "scripts/**/*.test.ts", "components/**/*.test.tsx"],
    env: testEnv,
    globalSetup: ["./lib/test/global-setup.ts"],
    // One database: test files run one after another, tests inside a file in order.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
