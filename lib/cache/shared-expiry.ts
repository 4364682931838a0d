import crypto from "node:crypto";
import { db, isPostgres } from "../db";
import { log } from "../log";
import { purgeFrontCache } from "./front-cache";
import { expireTags } from "./next-cache-handler.mjs";
import { listenForExpiries } from "./expiry-listen";
import { purgeRemoteAfterSharedExpiry } from "./purge";
import { FailureNotice } from "../ops/failure-notice";

/**
 * Cache expiry across server processes (npm start runs one per core, several machines may share
 * a database). A change records the tags it expired in the CacheTagExpiry table (one insert);
 * every process polls that table every POLL_MS for rows past the last it saw and, for those
 * other processes recorded, expires the tags in its Next.js data cache
 * (lib/cache/next-cache-handler.mjs) and in its own front cache, then purges them from the caches
 * in front (Varnish, a CDN), which may have taken the old version from this process in between.
 *
 * On PostgreSQL each process also LISTENs for the notice a trigger sends on every insert
 * (lib/cache/expiry-listen.ts) and reads the new rows at once: well under a second across
 * machines without polling four times a second; the poll stays as the fallback, every
 * LISTEN_POLL_MS while the listener is up and every POLL_MS while it is not. PostgreSQL hands
 * out ids before it commits, so a row with a lower id can become visible after a higher one:
 * there each read looks LOOKBACK ids behind the last it saw and skips the ids it has applied.
 */
export const POLL_MS = 250;
const LISTEN_POLL_MS = 2_000;
const LOOKBACK = 200;
/** Rows older than this are deleted: no cache entry lives longer (PUBLIC_REVALIDATE_SECONDS). */
const KEEP_MS = 2 * 3600_000;

type Listener = (tags: string[]) => void;
type State = {
  origin: string;
  lastId: number | null;
  timer?: NodeJS.Timeout;
  polling: boolean;
  lastPrune: number;
  listeners: Set<Listener>;
  /** PostgreSQL: the ids read lately (see LOOKBACK). */
  seen?: Set<number>;
  listener?: ReturnType<typeof listenForExpiries>;
  lastPoll?: number;
  /** A notice arrived during a poll: poll again when it ends. */
  again?: boolean;
};
const state = ((globalThis as unknown as { datelineSharedExpiry?: State }).datelineSharedExpiry ??= {
  origin: `${process.pid}-${crypto.randomBytes(4).toString("hex")}`,
  lastId: null,
  polling: false,
  lastPrune: 0,
  listeners: new Set(),
});

/**
 * Calls `listener` with the tags another process expired, after this process's caches have
 * dropped them: for anything else a process keeps in memory.
 */
export function onSharedExpiry(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** This process's name in the table. */
export const expiryOrigin = () => state.origin;

/**
 * Expires `tags` in this process at once and records them for the others. Never throws: a
 * change that is saved must not fail because the record could not be written (logged instead).
 */
export function recordExpiry(tags: string[]): Promise<void> {
  if (tags.length === 0) return Promise.resolve();
  const expiredAt = new Date();
  expireTags(tags, expiredAt.getTime());
  const written = db.cacheTagExpiry
    .createMany({ data: tags.map((tag) => ({ tag, expiredAt, origin: state.origin })) })
    .then(
      () => undefined,
      (error: unknown) => log("error", "could not record a cache expiry for the other server processes", { tags, error: String(error) }),
    )
    .finally(() => recording.delete(written));
  recording.add(written);
  return written;
}

/** Records under way: a change's is not waited for by its request (expireAll). */
const recording = new Set<Promise<void>>();

/** Resolves once every expiry this process has begun to record is written (or has failed): a process that stops on purpose waits for it first. */
export async function expiryRecordsWritten(): Promise<void> {
  await Promise.all([...recording]);
}

/** Applies what other processes recorded since the last poll; returns the tags it expired here. */
export async function pollExpiries(): Promise<string[]> {
  if (state.lastId === null) {
    // Nothing recorded before this process started can concern its (empty) caches.
    const last = await db.cacheTagExpiry.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    state.lastId = last?.id ?? 0;
    if (isPostgres) {
      const recent = await db.cacheTagExpiry.findMany({ where: { id: { gt: state.lastId - LOOKBACK } }, select: { id: true } });
      state.seen = new Set(recent.map((row) => row.id));
    }
    return [];
  }
  const from = isPostgres ? Math.max(0, state.lastId - LOOKBACK) : state.lastId;
  const rows = (await db.cacheTagExpiry.findMany({ where: { id: { gt: from } }, orderBy: { id: "asc" }, take: 5000 })).filter((row) => {
    if (!state.seen) return true;
    if (state.seen.has(row.id)) return false;
    state.seen.add(row.id);
    return true;
  });
  if (state.seen && state.seen.size > 4 * LOOKBACK) {
    const floor = Math.max(state.lastId, rows.at(-1)?.id ?? 0) - 2 * LOOKBACK;
    for (const id of state.seen) if (id < floor) state.seen.delete(id);
  }
  if (rows.length === 0) return [];
  state.lastId = Math.max(state.lastId, rows.at(-1)!.id);
  const expired = new Map<string, number>();
  for (const row of rows) {
    if (row.origin === state.origin) continue;
    expired.set(row.tag, Math.max(expired.get(row.tag) ?? 0, row.expiredAt.getTime()));
  }
  for (const [tag, at] of expired) expireTags([tag], at);
  const tags = [...expired.keys()];
  if (tags.length === 0) return tags;
  purgeFrontCache(tags);
  for (const listener of state.listeners) {
    try {
      listener(tags);
    } catch (error) {
      log("error", "a shared cache expiry listener failed", { error: String(error) });
    }
  }
  // Now that this process serves only the new version, the caches in front drop what they may
  // have taken from it in between (lib/cache/purge.ts).
  purgeRemoteAfterSharedExpiry(tags);
  return tags;
}

/** Starts polling (once per process), and on PostgreSQL listening; the first poll only learns where the table ends. */
export async function startExpiryPoll(): Promise<void> {
  if (state.timer) return;
  state.timer = setInterval(() => {
    // With a live listener, the poll is only the safety net.
    if (state.listener?.connected() && Date.now() - (state.lastPoll ?? 0) < LISTEN_POLL_MS) return;
    void tick();
  }, POLL_MS);
  state.timer.unref();
  await tick();
  if (isPostgres) state.listener = listenForExpiries(() => void tick());
}

/** Whether this process hears other processes' expiries as they happen (PostgreSQL's LISTEN), rather than by polling. */
export const expiryListenerConnected = () => state.listener?.connected() ?? false;

export function stopExpiryPoll() {
  clearInterval(state.timer);
  state.timer = undefined;
  void state.listener?.stop();
  state.listener = undefined;
}

/** A database that is down fails every poll (four a second): said once, then once a minute. */
const expiryNotice = new FailureNotice({
  failing: "could not read the shared cache expiries; trying again every quarter of a second",
  working: "reading the shared cache expiries again",
});

async function tick() {
  if (state.polling) {
    state.again = true;
    return;
  }
  state.polling = true;
  state.lastPoll = Date.now();
  try {
    do {
      state.again = false;
      await pollExpiries();
    } while (state.again);
    if (Date.now() - state.lastPrune > 600_000) {
      state.lastPrune = Date.now();
      await db.cacheTagExpiry.deleteMany({ where: { expiredAt: { lt: new Date(Date.now() - KEEP_MS) } } });
    }
    expiryNotice.succeeded();
  } catch (error) {
    expiryNotice.failed(error);
  } finally {
    state.polling = false;
  }
}
