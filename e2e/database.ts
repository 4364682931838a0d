import crypto from "node:crypto";
import Database from "better-sqlite3";
import { WRITE_PROBE_KEY } from "../lib/ops/write-probe-key";

const E2E_DB = "data/e2e/dateline.db";

/** Reads the end-to-end server's database directly (read-only), to prove what a request did or did not change. */
export function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * What the server's own background jobs write whoever calls what: archived copies of the sources
 * of stories earlier specs published, and the link checker's verdicts (tables SourceCapture and
 * SourceCheck, and these audit entries). A refused call that wrongly ran still shows: an editor's
 * refresh or mark-seen writes audit entries of its own.
 */
export const BACKGROUND_AUDIT = ["source.captured", "source.not_captured", "source.verdict"];

/**
 * A digest of every row of every table, except sign-in attempts and API request counters (the
 * throttles record those by design) and API keys' last-use times, the migration log, and the background bookkeeping that runs on its own clock: the job
 * table (the scheduler's recurring job takes its lease every few seconds), the heartbeat time of
 * editors' presence (pages left open by earlier tests keep beating), the shared cache
 * expiry log, and the health check's own row (GET /api/health writes one to prove writes work:
 * lib/ops/health.ts). Equal digests before and after a request: it changed nothing.
 */
export function databaseFingerprint(): string {
  return readDatabase((db) => {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT IN ('LoginAttempt', 'ApiRateWindow', '_prisma_migrations', 'Job', 'CacheTagExpiry', 'SourceCapture', 'SourceCheck') AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const hash = crypto.createHash("sha256");
    for (const table of tables) {
      hash.update(table);
      const rows = db
        // An API key's last use moves with any call it makes, refused or not (bookkeeping, like the rate counters).
        .prepare(
          table === "ApiKey"
            ? `SELECT id, name, userId, scope, prefix, tokenHash, createdById, createdAt, revokedAt FROM "ApiKey"`
            : // An editor page still open from an earlier test sends its presence heartbeat (seenAt) every few seconds.
              table === "EditingPresence"
              ? `SELECT articleId, userId, since FROM "EditingPresence"`
              : table === "Setting"
                ? `SELECT * FROM "Setting" WHERE key <> '${WRITE_PROBE_KEY}'`
                : table === "AuditEvent"
                  ? `SELECT * FROM "AuditEvent" WHERE action NOT IN (${BACKGROUND_AUDIT.map((a) => `'${a}'`).join(", ")})`
                  : `SELECT * FROM "${table}"`,
        )
        .raw()
        .all()
        .map((row) => JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : typeof v === "bigint" ? String(v) : v)));
      for (const row of rows.sort()) hash.update(row);
    }
    return hash.digest("hex");
  });
}
