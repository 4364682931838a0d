import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { assertLocalTestDatabase } from "./assert-local-database";

/** Applies the real migrations to the temporary test database before any test runs. */
export default function setup() {
  const file = assertLocalTestDatabase(process.env.DATABASE_URL);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "pipe", env: process.env });
  return () => fs.rmSync(file.replace(/\/[^/]+$/, ""), { recursive: true, force: true });
}
