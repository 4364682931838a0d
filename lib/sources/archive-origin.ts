/**
 * The archived copies' own origin (DATELINE_ARCHIVE_ORIGIN), the one rule that proxy.ts, the
 * shared-cache policy (lib/cache/http-policy.ts) and the archive route ask. Read from the
 * environment on each call, as the photo origin is, so the front server, plain `next start` and
 * the route agree whatever was built. No imports: proxy.ts runs it before every request.
 */

/**
 * The archive origin's host, or null when none is set, it is not a URL, or it is the site's own
 * host (then it is no separate origin at all, and treating it as one would hide the site).
 */
export function archiveOriginHost(): string | null {
  const origin = process.env.DATELINE_ARCHIVE_ORIGIN;
  if (!origin) return null;
  try {
    const host = new URL(origin).host;
    return host === new URL(process.env.DATELINE_SITE_URL ?? "http://localhost:3000").host ? null : host;
  } catch {
    return null;
  }
}

/**
 * A host as a name for the same origin: lower case, without the root's trailing dot or a default
 * port. `ARCHIVE.example.org.` and `archive.example.org:443` reach the archive's origin as surely as
 * `archive.example.org` does, and proxy.ts, which answers there only for copies, let them through
 * to the whole site (the desk and the sign-in page on the archive's origin).
 */
function sameOriginHost(host: string): string {
  const parts = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.trim().toLowerCase());
  if (!parts) return host.trim().toLowerCase();
  const name = parts[1]!.replace(/\.+$/, "");
  const port = parts[2];
  return port && port !== "80" && port !== "443" ? `${name}:${port}` : name;
}

/** Whether a request for `host` (its Host header) is for the archive's own origin. */
export function isArchiveOriginHost(host: string | null | undefined): boolean {
  const archive = archiveOriginHost();
  return !!host && !!archive && sameOriginHost(host) === sameOriginHost(archive);
}

/** The desk's page of a story's archived copy: whatever the story's status, to whoever may see the story. */
export const deskCopyHref = (articleId: string, captureId: string) =>
  `/admin/articles/${encodeURIComponent(articleId)}/copies/${encodeURIComponent(captureId)}`;
/** Its addresses: served with the copy's own sandboxing policy, and never on the archive's origin. */
export const DESK_COPY_PATH = /^\/admin\/articles\/[^/]+\/copies\/[^/]+$/;
/** The readers' addresses of archived copies (archiveHref), on the site or the archive's origin. */
export const ARCHIVE_PATH = /^\/archive\/[^/]+$/;

/** Whether the page at `pathname` is an archived copy, whose route sets its own sandboxing policy. */
export const isCopyPage = (pathname: string) => ARCHIVE_PATH.test(pathname) || DESK_COPY_PATH.test(pathname);
