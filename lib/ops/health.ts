import { db } from "../db";
import { log } from "../log";

/** Whether the database answers a read. Failures are logged, never shown. */
export async function checkHealth() {
  const started = performance.now();
  try {
    // Reads a table, so a missing or unmigrated database file fails too.
    await db.$queryRaw`SELECT 1 FROM "Article" LIMIT 1`;
    return { ok: true, database: "ok", ms: Math.round(performance.now() - started) };
  } catch (error) {
    log("error", "health check failed", { error: String(error) });
    return { ok: false, database: "unavailable", ms: Math.round(performance.now() - started) };
  }
}
