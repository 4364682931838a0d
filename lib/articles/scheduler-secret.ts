import crypto from "node:crypto";
import { env } from "../env";

/** Whether `given` is the bearer secret of POST /api/cron/publish-scheduled (DATELINE_CRON_SECRET, for an external cron). */
export function cronSecretMatches(given: string | null | undefined): boolean {
  const expected = env.DATELINE_CRON_SECRET;
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
