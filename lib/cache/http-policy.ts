import type { ServerResponse } from "node:http";
import { isArchiveOriginHost } from "../sources/archive-origin";

/**
 * What an HTTP cache in front of Dateline (the in-process one of `npm start`, Varnish, a CDN) may
 * do with the answer at an address: one rule for every layer. Public pages, feeds and sitemaps are
 * the same for every reader, so caches may keep them (a change purges them by tag); everything
 * else (the desk, sign-in, the API, search results, photo files with their own headers) is not
 * touched here.
 */

/** A minute in shared caches, and served stale for five more while one refreshes it; browsers always ask again. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

// archive: archived copies of sources (issue 19) set their own headers, and may live on another host
// (DATELINE_ARCHIVE_ORIGIN) that a cache keyed by path alone must not mix up with the site's.
const PRIVATE = /^\/(?:admin|api|login|search|_next|media|draft|archive)(?:\/|$)/;

/** Draft links (app/draft/[token]): one outsider's view of an unpublished story, kept by no cache and no index. */
export const DRAFT_LINK_PATH = /^\/draft(?:\/|$)/;
export const DRAFT_LINK_HEADERS = {
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex, nofollow, noarchive",
  "referrer-policy": "no-referrer",
} as const;

/** The Cache-Control for a GET of `pathname` (no query string), or null when caches must leave it to the route. */
export function publicCacheControl(pathname: string): string | null {
  if (PRIVATE.test(pathname)) return null;
  return PUBLIC_CACHE_CONTROL;
}

/**
 * A server error is kept by no cache: the Cache-Control set by address before the route ran
 * (publicCacheControl) is replaced when the answer turns out to be a 5xx (a database that was busy
 * would otherwise be served from Varnish or a CDN for a minute, and stale for five more).
 */
export function keepNoServerErrors(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 500) {
      this.setHeader("cache-control", "private, no-store");
      const headers = rest.at(-1);
      if (headers && typeof headers === "object" && !Array.isArray(headers)) {
        for (const name of Object.keys(headers))
          if (name.toLowerCase() === "cache-control") delete (headers as Record<string, unknown>)[name];
      }
    }
    return writeHead.apply(this, [statusCode, ...rest] as Parameters<ServerResponse["writeHead"]>);
  } as ServerResponse["writeHead"];
}

/**
 * The open read API (issue 17: /api/v1/… but the desk API, the document and its reference page):
 * public like the pages, but its handlers set their own Cache-Control and surrogate keys (what an
 * answer shows is known only once it is read: a story by id names its slug in the answer).
 */
export function isPublicApiRead(pathname: string): boolean {
  return /^\/api\/v1\/(?!desk(?:\/|$)|openapi\.json$|docs$)/.test(pathname);
}

/** Whether a request may be answered from, or kept in, a shared cache at all. */
export function isPublicRequest(method: string | undefined, url: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  // The archive's own host serves only /archive/… (proxy.ts): nothing of it is kept or answered from the site's cache.
  if (isArchiveOriginHost(typeof headers["host"] === "string" ? headers["host"] : null)) return false;
  if (url.includes("?") || headers["rsc"] || headers["next-router-prefetch"] || headers["next-action"]) return false;
  return publicCacheControl(url) !== null || isPublicApiRead(url);
}

/**
 * Whether an If-None-Match header names `etag`, by the weak comparison RFC 9110 asks for GET and
 * HEAD (W/"x" and "x" match). The front cache and the API's handlers both answer 304 by it; the
 * API's own check compared the bare tag with the weak one and never matched.
 */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
