// npm run db:backup [-- --dir DIR]: an online backup of the database (safe while the server
// runs) into a timestamped file, checked with PRAGMA integrity_check. Restore: see README.
import "../lib/ops/load-env";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/ops/backup";

const { values } = parseArgs({ options: { dir: { type: "string", default: "./data/backups" } } });
const dir = path.resolve(values.dir!);
const result = await backupDatabase(dir);
console.log(`Backed up ${result.articles} stories to ${result.file} (integrity_check: ok).`);
const { env } = await import("../lib/env");
console.log(
  env.DATELINE_MEDIA_STORE === "s3"
    ? `Photos are in the bucket ${env.DATELINE_S3_BUCKET}: keep it versioned or copied elsewhere (e.g. rclone sync), README "Production".`
    : "Photos are files under DATELINE_MEDIA_DIR, named by content hash: copy that folder too (e.g. rsync -a).",
);
