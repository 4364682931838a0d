import { db } from "../db";
import { AppError } from "../errors";
import { log } from "../log";

const WINDOW_MS = 60_000;

/**
 * How long a request waits for its count to be written. The count is a write: while an editor's
 * save holds the write lock, or the database refuses writes, a reader of the API would wait for it
 * (up to 5 s, then a 503 saying that nothing was saved). Past this, the request is served uncounted.
 */
export const COUNT_WAIT_MS = 250;

let lastWarning = 0;

/**
 * Counts one request against `bucket` ("key:<id>", "ip:<address>") in the current minute, in the
 * database, so every server process shares the count; refuses with 429 (`locked`, with
 * Retry-After) past `limit`. A count that cannot be written at once lets the request through
 * (see COUNT_WAIT_MS). Windows older than an hour are swept now and then.
 */
export async function takeRequest(bucket: string, limit: number, now = Date.now()): Promise<void> {
  const windowStart = new Date(now - (now % WINDOW_MS));
  const counted = db.apiRateWindow
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
          log("warn", "API requests are served uncounted: the rate count could not be written", { error: String(error).slice(0, 300) });
        }
        return null;
      },
    );
  let timer: NodeJS.Timeout | undefined;
  const count = await Promise.race([counted, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), COUNT_WAIT_MS)))]);
  clearTimeout(timer);
  if (count === null) return;
  if (Math.random() < 0.01) void db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 3_600_000) } } }).catch(() => {});
  if (count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
    throw new AppError("locked", `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, undefined, {
      retryAfterSeconds,
    });
  }
}
