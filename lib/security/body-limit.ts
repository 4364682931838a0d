import { env } from "../env";

/** Next.js's default limit for a Server Action's body ("1mb"). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * The largest request body a write path accepts, in bytes: photo uploads their own limit (plus
 * room for the multipart framing), everything else, Server Actions included, Next.js's 1 MB.
 */
export function bodyLimitFor(pathname: string): number {
  return pathname.startsWith("/api/media") ? env.DATELINE_MAX_UPLOAD_MB * 1_000_000 + 1_000_000 : ACTION_BODY_LIMIT;
}

export function tooLargeMessage(bytes: number, limit: number): string {
  return `This request is too large (${(bytes / 1_000_000).toFixed(1)} MB; the limit is ${Math.round(limit / 1_000_000)} MB).`;
}
