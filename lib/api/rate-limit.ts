import { db } from "../db";
import { AppError } from "../errors";

const WINDOW_MS = 60_000;

/**
 * Counts one request against `bucket` ("key:<id>", "ip:<address>") in the current minute, in the
 * database, so every server process shares the count; refuses with 429 (`locked`, with
 * Retry-After) past `limit`. Windows older than an hour are swept now and then.
 */
export async function takeRequest(bucket: string, limit: number, now = Date.now()): Promise<void> {
  const windowStart = new Date(now - (now % WINDOW_MS));
  const row = await db.apiRateWindow.upsert({
    where: { bucket_windowStart: { bucket, windowStart } },
    create: { bucket, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  if (Math.random() < 0.01) void db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 3_600_000) } } }).catch(() => {});
  if (row.count > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
    throw new AppError("locked", `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, undefined, {
      retryAfterSeconds,
    });
  }
}
