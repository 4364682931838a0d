import crypto from "node:crypto";
import { env } from "../env";

/** Consecutive failed checks (4xx/5xx, unreachable, unresolvable) before a source counts as gone. */
export const SOURCE_GONE_AFTER = 3;
/** Below this similarity to the archived text (lib/sources/extract.ts textSimilarity), a source has changed. */
export const SOURCE_CHANGED_BELOW = 0.8;
/** At most this many checks of one host per pass, and this long between passes that reach it. */
export const HOST_CHECKS_PER_PASS = 1;
export const HOST_GAP_MS = 10_000;
/** The link checker's recurring job runs this often, taking at most SOURCE_CHECK_BATCH due sources a pass. */
export const SOURCE_CHECK_EVERY_MS = 60_000;
export const SOURCE_CHECK_BATCH = 40;

const intervalMs = () => env.DATELINE_SOURCE_CHECK_HOURS * 3_600_000;

/** A number in [0, 1) fixed by the text: spreads sources over the interval without a shared clock. */
function spread(text: string): number {
  return crypto.createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** A new source's first check: somewhere in the next interval, so that sources published together are not checked together. */
export function firstCheckAt(url: string, now: Date): Date {
  return new Date(now.getTime() + intervalMs() * (0.5 + spread(`${url}|${now.getTime()}`)));
}

/** After a check that reached the page: one interval later, ±10 %. */
export function nextCheckAt(url: string, now: Date): Date {
  return new Date(now.getTime() + intervalMs() * (0.9 + 0.2 * spread(`${url}|${now.getTime()}`)));
}

/**
 * After a failed check: sooner than an interval (a page down for an hour is not gone) but backing
 * off, an hour times two to the failures, never later than an interval.
 */
export function retryCheckAt(failures: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(intervalMs(), 3_600_000 * 2 ** Math.max(0, failures - 1)));
}
