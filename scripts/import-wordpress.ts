// npm run import:wordpress -- export.xml --uploads ./wp-content/uploads --as admin@example.org [--json report.json]
// Brings a WordPress archive over (lib/import/wordpress/run.ts): stories, sections, tags, bylines,
// photos from the local uploads folder (nothing is fetched from the internet) and every old
// address. Safe to run again: it updates what changed and carries on after a crash.
import "./lib/cli";
import "../lib/ops/load-env";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { expiryRecordsWritten } from "../lib/cache/shared-expiry";
import { AppError } from "../lib/errors";
import { importWordPress } from "../lib/import/wordpress/run";
import { reportText } from "../lib/import/report";
import { WxrError } from "../lib/import/wordpress/wxr";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    uploads: { type: "string" },
    as: { type: "string" },
    json: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const file = positionals[0];
if (values.help || !file || !values.as) {
  console.log("Usage: npm run import:wordpress -- export.xml --as ADMIN_EMAIL [--uploads wp-content/uploads] [--json report.json]");
  process.exit(values.help ? 0 : 2);
}

try {
  if (!fs.existsSync(file)) throw new AppError("invalid", `There is no file ${file}.`);
  const user = await db.user.findUnique({ where: { email: values.as.trim().toLowerCase() } });
  if (!user || user.disabled) throw new AppError("invalid", `There is no active account ${values.as}.`);
  let last = 0;
  const report = await importWordPress({
    file,
    uploadsDir: values.uploads ?? null,
    actor: { id: user.id, email: user.email, name: user.name, role: user.role },
    onProgress: (p) => {
      if (process.stderr.isTTY && Date.now() - last > 500) {
        last = Date.now();
        process.stderr.write(`\r${p.phase}: ${p.processed} items`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(reportText(report));
  if (values.json) fs.writeFileSync(values.json, JSON.stringify(report, null, 2));
  // The cache expiry for the server processes is recorded in the background: let it land.
  await expiryRecordsWritten();
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof AppError || error instanceof WxrError ? error.message : error);
  await db.$disconnect();
  process.exit(1);
}
