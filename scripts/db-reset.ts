// `npm run db:reset -- --yes`: deletes the local database and media, migrates, and seeds the demo newsroom.
import "./lib/cli";
import "../lib/ops/load-env";
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { databaseFilePath } from "../lib/db/sqlite";
import { run } from "./lib/run";

if (!process.argv.includes("--yes")) {
  console.error(`This deletes ${databaseFilePath()} and ${env.DATELINE_MEDIA_DIR}. Run again with: npm run db:reset -- --yes`);
  process.exit(2);
}
const file = databaseFilePath();
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
fs.rmSync(path.resolve(env.DATELINE_MEDIA_DIR), { recursive: true, force: true });
await run("npx", ["prisma", "migrate", "deploy"]);
await run("npx", ["tsx", "prisma/seed.ts"]);
