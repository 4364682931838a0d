import { db } from "../db";
import { AppError } from "../errors";
import { log } from "../log";
import { withinMs } from "../ops/within";

const WINDOW_MS = 60_000;

/**
 * How long a request waits for its count to be written. The count is a write: while an editor's
 * save holds the write lock, or the database refuses writes, a reader of the API would wait for it
 * (up to 5 s, then a 503 saying that nothing was saved). Past this, the request is counted by this
 * process alone (below).
 */
export const COUNT_WAIT_MS = 250;

/**
 * Count writes one process has waiting at most (each a millisecond or so of the write lock): more
 * would queue ahead of editors' saves. A burst from one client well beyond its limit stays exact.
 */
export const MAX_PENDING_COUNTS = 200;

let pending = 0;
let lastWarning = 0;

/**
 * Requests this process served without a count in the database, per bucket, this minute: the
 * limit still holds for them, per process (an approximation only while the database is slow or
 * failing; the shared count is the rule).
 */
const uncounted = new Map<string, number>();
let uncountedWindow = 0;

function countHere(bucket: string, windowStart: number): number {
  if (windowStart !== uncountedWindow) {
    uncounted.clear();
    uncountedWindow = windowStart;
  }
  const count = (uncounted.get(bucket) ?? 0) + 1;
  uncounted.set(bucket, count);
  return count;
}

function countInDatabase(bucket: string, windowStart: Date): Promise<number | null> {
  pending++;
  return db.apiRateWindow
    .upsert({
      where: { bucket_windowStart: { bucket, windowStart } },
      create: { bucket, windowStart, count: 1 },
      update: { count: { increment: 1 } },
      select: { count: true },
    })
    .then(
      (row) => row.count,
      (error: unknown) => {
        if (Date.now() - lastWarning > 60_000) {
          lastWarning = Date.now();
          log("warn", "API requests are counted per process: the shared rate count could not be written", {
            error: String(error).slice(0, 300),
          });
        }
        return null;
      },
    )
    .finally(() => pending--);
}

/**
 * Counts one request against `bucket` ("key:<id>", "ip:<address>") in the current minute, in the
 * database, so every server process shares the count; refuses with 429 (`locked`, with
 * Retry-After) past `limit`. A count that cannot be written at once (see COUNT_WAIT_MS and
 * MAX_PENDING_COUNTS) is kept by this process instead. Windows older than an hour are swept now and then.
 */
export async function takeRequest(bucket: string, limit: number, now = Date.now()): Promise<void> {
  const windowStart = new Date(now - (now % WINDOW_MS));
  let count: number | null = null;
  if (pending < MAX_PENDING_COUNTS) {
    count = await withinMs(countInDatabase(bucket, windowStart), COUNT_WAIT_MS, () => null);
  }
  count ??= countHere(bucket, windowStart.getTime());
  if (Math.random() < 0.01) void db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 3_600_000) } } }).catch(() => {});
  if (count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
    throw new AppError("locked", `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, undefined, {
      retryAfterSeconds,
    });
  }
}
