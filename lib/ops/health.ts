import { db } from "../db";
import { writesFailingForMs } from "../db/write-health";
import { env } from "../env";
import { fromDatabaseError } from "../errors";
import { log } from "../log";
import { WRITE_PROBE_KEY } from "./write-probe-key";

/** How long the write probe waits for the write lock before it reports "busy". */
export const WRITE_PROBE_MS = 500;

export type WriteState = "ok" | "busy" | "failing";
export type Health = { ok: boolean; database: "ok" | "unavailable"; write: WriteState; ms: number };

let probeInFlight: Promise<WriteState> | null = null;

export { WRITE_PROBE_KEY };

/** At most one row written per this many ms per process: /api/health is public, and anyone may ask it often. */
const WRITE_EVERY_MS = 5_000;
let lastWrittenAt = 0;

/**
 * Writes one row and commits: a probe that only took and gave back the lock succeeded on a
 * read-only database and a full disk, and reported "ok" while every save failed. Within
 * WRITE_EVERY_MS of its last row, while writes are not failing, it only takes and gives back the
 * lock. At most one probe at a time per process.
 */
function probeWrite(): Promise<WriteState> {
  const now = Date.now();
  // While writes are failing every probe writes, so that the first one through says so at once.
  const write = writesFailingForMs() > 0 || now - lastWrittenAt >= WRITE_EVERY_MS;
  probeInFlight ??= db
    .$transaction(async (tx) => {
      if (!write) return void (await tx.$queryRaw`SELECT 1`);
      const value = new Date(now).toISOString();
      await tx.setting.upsert({ where: { key: WRITE_PROBE_KEY }, create: { key: WRITE_PROBE_KEY, value }, update: { value } });
      lastWrittenAt = now;
    })
    .then(
      (): WriteState => "ok",
      (error): WriteState => (fromDatabaseError(error)?.code === "busy" ? "busy" : "failing"),
    )
    .finally(() => (probeInFlight = null));
  return probeInFlight;
}

/**
 * Whether the database answers a read, and whether a write could take the lock within
 * WRITE_PROBE_MS. A long save by another process makes the answer "busy" with `ok: true`: a load
 * balancer must not drop a healthy instance during one. `ok` turns false (503) only when the
 * database cannot be read, or writes have failed for DATELINE_HEALTH_WRITE_FAILURE_SECONDS with
 * none succeeding. Failures are logged, never shown.
 */
export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  const database = await readDatabase();
  const write = await Promise.race([
    probeWrite(),
    new Promise<WriteState>((resolve) => setTimeout(() => resolve("busy"), WRITE_PROBE_MS).unref()),
  ]);
  const failingTooLong = write !== "ok" && writesFailingForMs() > env.DATELINE_HEALTH_WRITE_FAILURE_SECONDS * 1000;
  if (failingTooLong) log("error", "health check: writes are failing", { forMs: writesFailingForMs(), write });
  return { ok: database === "ok" && !failingTooLong, database, write, ms: Math.round(performance.now() - started) };
}

/** Whether this process can read its database: a table, so a missing or unmigrated database file fails too. */
async function readDatabase(): Promise<Health["database"]> {
  try {
    await db.$queryRaw`SELECT 1 FROM "Article" LIMIT 1`;
    return "ok";
  } catch (error) {
    log("error", "health check failed", { error: String(error) });
    return "unavailable";
  }
}

export type Liveness = { ok: boolean; database: Health["database"] };

/**
 * Whether this instance can serve: it answers, and it can read its database. What a load balancer
 * asks (deploy/varnish/default.vcl's probe): unlike checkHealth it takes no write lock, and failing
 * writes do not count, since every instance shares them — a database that refuses writes would take
 * every instance out at once, and the caches in front would answer every reader and editor 503.
 */
export async function checkLive(): Promise<Liveness> {
  const database = await readDatabase();
  return { ok: database === "ok", database };
}
