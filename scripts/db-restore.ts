// npm run db:restore -- FILE --yes: replaces the database with a backup, after checking it.
// Stop the server first; start it again afterwards.
import "./lib/cli";
import "../lib/ops/load-env";
import path from "node:path";
import { databaseFilePath } from "../lib/db/sqlite";
import { restoreDatabase } from "../lib/ops/backup";
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
try {
  const { articles, keptAs } = restoreDatabase(path.resolve(file));
  console.log(`Restored ${articles} stories into ${databaseFilePath()}.${keptAs ? ` The database it replaced is kept as ${keptAs}.` : ""}`);
} catch (error) {
  console.error(String((error as Error).message ?? error));
  process.exit(1);
}
