import { db } from "../db";
import { writesFailingForMs } from "../db/write-health";
import { env } from "../env";
import { fromDatabaseError } from "../errors";
import { log } from "../log";
import { mediaStore, type MediaStore } from "../media/store";
import { WRITE_PROBE_KEY } from "./write-probe-key";
import { withinMs } from "./within";

/** How long the write probe waits for the write lock before it reports "busy". */
export const WRITE_PROBE_MS = 500;

export type WriteState = "ok" | "busy" | "failing";
export type MediaState = "ok" | "unavailable";
export type Health = { ok: boolean; database: "ok" | "unavailable"; write: WriteState; media: MediaState; ms: number };

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

/** A photo store's answer is kept this long per process: a bucket is asked over the network, and anyone may ask /api/health often. */
const MEDIA_CHECK_EVERY_MS = 10_000;
/** A store that has not answered within this long counts as unavailable (a bucket's own timeouts and retries run to 15 s). */
export const MEDIA_CHECK_MS = 3_000;
const mediaChecks = new WeakMap<MediaStore, { at: number; state: Promise<MediaState> }>();

/** Whether the photo store can be used (MediaStore.check: a folder that can be written, a bucket that exists and answers). */
function checkMedia(store: MediaStore): Promise<MediaState> {
  const now = Date.now();
  const kept = mediaChecks.get(store);
  if (kept && now - kept.at < MEDIA_CHECK_EVERY_MS) return kept.state;
  const state = withinMs(store.check(), MEDIA_CHECK_MS, () => {
    throw new Error(`no answer within ${MEDIA_CHECK_MS / 1000} s`);
  }).then(
    (): MediaState => "ok",
    (error: unknown): MediaState => {
      log("error", `health check: photos cannot be stored or served: ${store.describe()} cannot be used`, {
        error: String((error as Error)?.message ?? error),
      });
      return "unavailable";
    },
  );
  mediaChecks.set(store, { at: now, state });
  return state;
}

/**
 * Whether the database answers a read, whether a write could take the lock within
 * WRITE_PROBE_MS, and whether the photo store can be used. A long save by another process makes
 * the answer "busy" with `ok: true`: a load balancer must not drop a healthy instance during one.
 * `ok` turns false (503) when the database cannot be read, when writes have failed for
 * DATELINE_HEALTH_WRITE_FAILURE_SECONDS with none succeeding, or when the photo store cannot be
 * used (a mistyped or missing bucket, a folder that cannot be written: no upload can be kept, and
 * from a bucket no photo can be served). Failures are logged, never shown.
 */
export async function checkHealth(store: MediaStore = mediaStore): Promise<Health> {
  const started = performance.now();
  const [database, write, media] = await Promise.all([
    readDatabase(),
    withinMs(probeWrite(), WRITE_PROBE_MS, (): WriteState => "busy"),
    checkMedia(store),
  ]);
  const failingTooLong = write !== "ok" && writesFailingForMs() > env.DATELINE_HEALTH_WRITE_FAILURE_SECONDS * 1000;
  if (failingTooLong) log("error", "health check: writes are failing", { forMs: writesFailingForMs(), write });
  return {
    ok: database === "ok" && !failingTooLong && media === "ok",
    database,
    write,
    media,
    ms: Math.round(performance.now() - started),
  };
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
