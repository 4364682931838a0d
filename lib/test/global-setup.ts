import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { assertLocalTestDatabase } from "./assert-local-database";
import { startPgCluster } from "./pg-cluster";

/**
 * Applies the real migrations to the temporary test database before any test runs; on
 * PostgreSQL (DATELINE_TEST_DATABASE=postgres) first starts the throwaway cluster on the port
 * vitest.config.ts chose, and stops it afterwards.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL!;
  const dir = process.env.DATELINE_TEST_DIR!;
  if (/^postgres/.test(url)) {
    assertLocalTestDatabase(url);
    const cluster = await startPgCluster({ port: Number(new URL(url).port) });
    try {
      cluster.createDatabase(new URL(url).pathname.slice(1));
      execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "pipe", env: process.env });
    } catch (error) {
      cluster.stop();
      throw error;
    }
    return () => {
      cluster.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  assertLocalTestDatabase(url);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "pipe", env: process.env });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
