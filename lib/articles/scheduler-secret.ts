import crypto from "node:crypto";
import { env } from "../env";

const state = globalThis as unknown as { datelineInternalCronSecret?: string };

/**
 * The bearer secret of POST /api/cron/publish-scheduled: DATELINE_CRON_SECRET for an external
 * cron, and a random per-process one the built-in scheduler uses to call it (the route runs in a
 * request, where Next.js can expire the pages a publish changes).
 */
export function internalCronSecret(): string {
  return (state.datelineInternalCronSecret ??= crypto.randomBytes(32).toString("hex"));
}

export function cronSecretMatches(given: string | null | undefined): boolean {
  if (!given) return false;
  return [env.DATELINE_CRON_SECRET, state.datelineInternalCronSecret].some((expected) => {
    if (!expected) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  });
}
