// Request size limits that the browser checks too (no server-only imports here).

/**
 * The largest Server Action body, 3 MB: a story body of up to 2 MB (MAX_BODY_BYTES, a
 * 100,000-word story) plus its other fields. next.config.js gives Next.js the same limit
 * (experimental.serverActions.bodySizeLimit "3mb"); proxy.ts and the front server
 * (lib/security/body-limit.ts) refuse a larger declared body before reading it.
 */
export const ACTION_BODY_LIMIT = 3 * 1024 * 1024;

/** A size in bytes as people read it: "3 MB", "5.2 MB", "800 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
