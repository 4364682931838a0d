// npm run db:backup [-- --dir DIR]: an online backup of the database (safe while the server
// runs) into a timestamped file, checked with PRAGMA integrity_check. Restore: see README.
// On PostgreSQL (DATABASE_URL=postgresql://…): pg_dump's custom format, read back whole to check
// it (lib/ops/backup-postgres.ts).
import "./lib/cli";
import "../lib/ops/load-env";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/ops/backup";
import { databaseProvider } from "../lib/db/provider";
import { env } from "../lib/env";

const { values } = parseArgs({ options: { dir: { type: "string", default: "./data/backups" } } });
const dir = path.resolve(values.dir!);
if (databaseProvider() === "postgresql") {
  const { backupPostgres } = await import("../lib/ops/backup-postgres");
  const result = await backupPostgres(dir, env.DATABASE_URL);
  console.log(`Backed up ${result.articles} stories to ${result.file} (pg_dump; read back whole: ok).`);
} else {
  const result = await backupDatabase(dir);
  console.log(`Backed up ${result.articles} stories to ${result.file} (integrity_check: ok).`);
}
console.log(
  env.DATELINE_MEDIA_STORE === "s3"
    ? `Photos are in the bucket ${env.DATELINE_S3_BUCKET}: keep it versioned or copied elsewhere (e.g. rclone sync), README "Production".`
    : "Photos are files under DATELINE_MEDIA_DIR, named by content hash: copy that folder too (e.g. rsync -a).",
);
