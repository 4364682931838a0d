// npm run db:restore -- FILE --yes: replaces the database with a backup, after checking it.
// Stop the server first; start it again afterwards.
import "../lib/ops/load-env";
import fs from "node:fs";
import path from "node:path";
import { databaseFilePath } from "../lib/db/sqlite";
import { verifyDatabase } from "../lib/ops/backup";
import { databaseProvider } from "../lib/db/provider";
import { env } from "../lib/env";

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file || !process.argv.includes("--yes")) {
  console.error("Usage (with the server stopped): npm run db:restore -- data/backups/dateline-YYYYMMDD-HHMMSS.db --yes");
  console.error("On PostgreSQL: npm run db:restore -- data/backups/dateline-YYYYMMDD-HHMMSS.dump --yes");
  process.exit(2);
}
if (databaseProvider() === "postgresql") {
  // PostgreSQL: a pg_dump archive (npm run db:backup), checked, then loaded in one transaction.
  const { restorePostgres } = await import("../lib/ops/backup-postgres");
  try {
    const { articles } = restorePostgres(path.resolve(file), env.DATABASE_URL);
    console.log(
      `Restored ${articles} stories into ${new URL(env.DATABASE_URL).pathname.slice(1)} (story count checked against the backup).`,
    );
    process.exit(0);
  } catch (error) {
    console.error(String((error as Error).message ?? error));
    process.exit(1);
  }
}
const check = verifyDatabase(path.resolve(file));
if (!check.ok) {
  console.error(`Refusing: ${file} fails PRAGMA integrity_check (${check.message}).`);
  process.exit(1);
}
const target = databaseFilePath();
fs.mkdirSync(path.dirname(target), { recursive: true });
if (fs.existsSync(target)) fs.copyFileSync(target, `${target}.before-restore`);
for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
fs.copyFileSync(path.resolve(file), target);
console.log(`Restored ${check.articles} stories into ${target}. The previous file is kept as ${target}.before-restore.`);
