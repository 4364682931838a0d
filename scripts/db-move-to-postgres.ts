// npm run db:move-to-postgres -- --to postgresql://user@host/db [--from file:./data/dateline.db] [--media-from ./data/media] [--no-photos]
//
// Copies a SQLite newsroom into PostgreSQL: migrates the target (the PostgreSQL migrations), copies
// every table from a consistent backup of the SQLite file, and every photo file through the media
// store this configuration uses, then checks counts and checksums table by table (lib/ops/move.ts).
// Safe to run again after an interruption: it adds what is missing. Exits 1 if anything differs.
import "./lib/cli";
import "../lib/ops/load-env";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseProvider } from "../lib/db/provider";

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    to: { type: "string" },
    "media-from": { type: "string" },
    "no-photos": { type: "boolean", default: false },
  },
});
const current = process.env.DATABASE_URL ?? "";
const from = values.from ?? (databaseProvider(current || "file:") === "sqlite" && current ? current : "file:./data/dateline.db");
const to = values.to ?? (databaseProvider(current || "file:") === "postgresql" ? current : "");
if (!to || databaseProvider(to) !== "postgresql" || databaseProvider(from) !== "sqlite") {
  console.error(
    "Usage: npm run db:move-to-postgres -- --to postgresql://user:password@host:5432/dateline [--from file:./data/dateline.db]\n" +
      "       [--media-from ./data/media] [--no-photos]\n" +
      "The target database must exist (createdb dateline); it is migrated first.",
  );
  process.exit(2);
}
// The photos go to the media store this configuration uses (DATELINE_MEDIA_DIR, or a bucket).
process.env.DATABASE_URL = to;
const { databaseFilePath } = await import("../lib/db/sqlite");
const { moveToPostgres } = await import("../lib/ops/move");
const { LocalDiskStore, mediaStore } = await import("../lib/media/store");
const { env } = await import("../lib/env");

console.log(`Migrating ${new URL(to).host}${new URL(to).pathname}…`);
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: to } });

const mediaFrom = path.resolve(values["media-from"] ?? env.DATELINE_MEDIA_DIR);
const report = await moveToPostgres({
  sqliteFile: databaseFilePath(from),
  postgresUrl: to,
  photos: values["no-photos"] ? undefined : { from: new LocalDiskStore(mediaFrom), to: mediaStore },
  log: (line) => console.log(line),
});
if (!report.ok) {
  console.error("\nThe copy differs from the source (see DIFF above). Run the command again to add what is missing.");
  process.exit(1);
}
const rows = report.tables.reduce((n, t) => n + t.target, 0);
console.log(
  `\nMoved ${rows} rows in ${report.tables.length} tables${report.photos ? ` and ${report.photos.files} photo files` : ""}; counts and checksums match.`,
);
console.log(`Start Dateline on PostgreSQL with DATABASE_URL=${to.replace(/:[^:@/]*@/, ":…@")}`);
