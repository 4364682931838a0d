import { utcToZonedLocal, zonedLocalToUtc } from "../format/time";

// A photo's license runs to the end of its expiry date in the newsroom's zone: "License expires
// 2026-12-05" (typed as a date, kept as that day's UTC midnight) may be used all of that day there,
// and has expired from the midnight that ends it. The one rule that the publish check (and the
// editor's checklist), the library and the expiry notices ask.

/** Today's date in the newsroom's zone, as the UTC midnight a license date is kept as: an expiry date before it has passed. */
export function licenseDateToday(now: Date, timeZone: string): Date {
  return new Date(`${utcToZonedLocal(now, timeZone).slice(0, 10)}T00:00:00.000Z`);
}

/** Whether a license with this expiry date has run out at `now` in the newsroom's zone. */
export function licenseExpired(expiresAt: Date | null | undefined, now: Date, timeZone: string): boolean {
  return !!expiresAt && expiresAt < licenseDateToday(now, timeZone);
}

/** The instant a license with this expiry date runs out: the midnight in the newsroom's zone that ends the date. */
export function licenseRunsOutAt(expiresAt: Date, timeZone: string): Date {
  const next = new Date(Date.UTC(expiresAt.getUTCFullYear(), expiresAt.getUTCMonth(), expiresAt.getUTCDate() + 1));
  let at = zonedLocalToUtc(`${next.toISOString().slice(0, 10)}T00:00`, timeZone) ?? next;
  // Where that midnight does not exist (clocks go from 23:59 to 01:00, as in Santiago), the next
  // date starts an hour later than the guess: step to it.
  for (let i = 0; i < 4 && !licenseExpired(expiresAt, at, timeZone); i++) at = new Date(at.getTime() + 30 * 60_000);
  return at;
}
