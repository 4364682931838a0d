import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, cspKindFor, newNonce, photoOrigin } from "./lib/security/csp";
import { isSameOriginRequest } from "./lib/security/same-origin";
import { bodyLimitFor, isContentApiPath, refusalFor, tooLargeMessage } from "./lib/security/body-limit";
import { DRAFT_LINK_HEADERS, DRAFT_LINK_PATH } from "./lib/cache/http-policy";
import { siteIsHttps } from "./lib/security/https";
import { WORDPRESS_QUERY_KEYS } from "./lib/import/old-query";
import { ARCHIVE_PATH, DESK_COPY_PATH, isArchiveOriginHost } from "./lib/sources/archive-origin";
import { MAX_ACTION_NESTING, nestsDeeperThan } from "./lib/security/json-depth";
import { ACTION_BODY_LIMIT } from "./lib/security/limits";

/**
 * Runs before every page, Server Action and route handler:
 * - a state change (any method but GET, HEAD, OPTIONS) from another site, or from a client that
 *   says nothing of where it comes from, is refused with 403 before any code of ours runs.
 *   Server Actions included: Next.js itself only compares Origin and Host, and lets Origin-less
 *   requests through. The cron endpoint and the content API (/api/v1/…) are exempt: they take a
 *   shared secret or an API key (or nothing: the open read API), never a cookie, so a forged
 *   cross-site request gains nothing.
 * - a body larger than its write path accepts is refused with 413 (the front server,
 *   scripts/server.ts, refuses it before Next.js reads a byte: lib/security/body-limit.ts);
 * - a Server Action's body nested deeper than React can decode is refused with 400;
 * - pages rendered per request (admin, sign-in, search) get a Content-Security-Policy with a
 *   fresh nonce (lib/security/csp.ts), and that nonce on Next's scripts.
 */
const HSTS = "max-age=31536000; includeSubDomains";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Read per request, not at build: under plain `next start` this is where an https site's pages
  // get HSTS whatever was built (the front server of `npm start` sets it on every response).
  const https = siteIsHttps();
  const photos = photoOrigin(process.env.DATELINE_MEDIA_PUBLIC_BASE_URL);
  // The cron endpoint and the content API (/api/v1/…: the desk API and the wire push, which take an
  // API key, and the open read API) take a secret or a key, never a cookie: a forged cross-site
  // request carries neither, so the same-origin rule has nothing to add. (A script's POST to a
  // read-only address gets that route's 405, not "cross-site".)
  if (!pathname.startsWith("/api/cron/") && !isContentApiPath(pathname) && !isSameOriginRequest(request)) {
    return refused(refusalFor(pathname, 403, "Cross-site request refused.", false));
  }

  // Bodies larger than a write path accepts are refused before they are read: photo uploads up
  // to their own limit (checked again as the bytes arrive), everything else, Server Actions
  // included, up to the 3 MB Server Action limit (ACTION_BODY_LIMIT).
  const length = Number(request.headers.get("content-length") ?? 0);
  const limit = bodyLimitFor(pathname);
  if (length > limit) {
    return refused(refusalFor(pathname, 413, tooLargeMessage(length, pathname), request.headers.has("next-action")));
  }
  // Next.js hands the proxy a copy of the body and the action the same bytes afterwards
  // (experimental.proxyClientMaxBodySize), so reading it here costs no second copy.
  if (mayBeServerAction(request)) {
    const body = await bodyWithin(request, ACTION_BODY_WAIT_MS);
    if (body === null) return refused(refusalFor(pathname, 408, "The request's data did not arrive in time. Try again.", true));
    // A body of undeclared length (chunked): the front server counts it as it arrives; under plain
    // `next start` it is refused here.
    if (body.length > ACTION_BODY_LIMIT) return refused(refusalFor(pathname, 413, tooLargeMessage(body.length, pathname), true));
    if (nestsDeeperThan(body, MAX_ACTION_NESTING, request.headers.get("content-type") ?? ""))
      return refused(refusalFor(pathname, 400, `The request's data is nested too deeply (more than ${MAX_ACTION_NESTING} levels).`, true));
  }

  // Issue 19: archived copies of sources carry their own sandboxing policy (lib/sources/archive-page.ts).
  // On their own origin (DATELINE_ARCHIVE_ORIGIN) nothing else of the site is served.
  if (ARCHIVE_PATH.test(pathname)) return withHsts(NextResponse.next(), https);
  if (isArchiveOriginHost(request.headers.get("host"))) return new NextResponse("Not found.", { status: 404 });
  // The desk's page of a copy likewise (its route checks the session and the story).
  if (DESK_COPY_PATH.test(pathname)) return withHsts(NextResponse.next(), https);

  // Public pages are kept by caches: their policy has no nonce (lib/security/csp.ts).
  if (cspKindFor(pathname) === "public") {
    // WordPress's addresses of a post by number (/?p=123, /index.php?page_id=4) are not the front
    // page: they are asked of the imported sites' old addresses (app/(public)/%5Fold).
    const oldQuery =
      (pathname === "/" || pathname === "/index.php") && WORDPRESS_QUERY_KEYS.some((key) => request.nextUrl.searchParams.has(key));
    const response = oldQuery
      ? NextResponse.rewrite(new URL(`/_old/index.php${request.nextUrl.search}`, request.url))
      : NextResponse.next();
    response.headers.set("content-security-policy", contentSecurityPolicy("public", "", { https, photos }));
    withHsts(response, https);
    return response;
  }

  // Pages rendered per request: Next.js reads the nonce from the request's policy and puts it on
  // its scripts.
  const nonce = newNonce();
  const policy = contentSecurityPolicy("app", nonce, { dev: process.env.NODE_ENV === "development", https, photos });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  withHsts(response, https);
  // Under plain `next start` too: a draft link is kept by no cache and indexed by nobody.
  if (DRAFT_LINK_PATH.test(pathname)) for (const [name, value] of Object.entries(DRAFT_LINK_HEADERS)) response.headers.set(name, value);
  return response;
}

/** An https site's answers carry HSTS whatever was built (the front server of `npm start` sets it on every response too). */
function withHsts(response: NextResponse, https: boolean): NextResponse {
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/** How long a Server Action's body may take to arrive (a 3 MB story over a slow line takes seconds). */
const ACTION_BODY_WAIT_MS = 60_000;

/**
 * The body Next.js copied for the proxy, or null when it does not arrive within `ms` or cannot be
 * read: Next.js ends that copy only when the request ends, so a client that stops sending half-way
 * (or a body the front server cut off at its limit) would otherwise keep this call waiting for ever.
 */
async function bodyWithin(request: NextRequest, ms: number): Promise<Buffer | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const read = request.arrayBuffer().then(
    (bytes) => Buffer.from(bytes),
    () => null,
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A POST Next.js may take for a Server Action: its id in a header, or a form (no-JavaScript submit). */
function mayBeServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return false;
  const type = request.headers.get("content-type") ?? "";
  return (
    request.headers.has("next-action") || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")
  );
}

/** A refusal made here, before any route runs (lib/security/body-limit.ts says how each caller gets it). */
function refused(refusal: ReturnType<typeof refusalFor>) {
  return new NextResponse(refusal.body, { status: refusal.status, headers: refusal.headers });
}

export const config = {
  // Static assets and photo files need no policy; everything else passes through here.
  // Photo uploads (/api/media…) do not: Next.js copies a body for the proxy and cuts it at 10 MB
  // (experimental.proxyClientMaxBodySize), keeping the copy in memory, so a 19 MB photo arrived
  // cut and every upload was held twice. Their route handlers check the same origin, the session
  // and the role (withAuth, lib/auth/route.ts) and count the bytes (readUploadedFile); the front server
  // refuses oversized and anonymous uploads before they are read.
  // The desk API's photo uploads (api/v1/desk/photos) likewise: the handler checks the key and counts the bytes.
  // The same holds for a WordPress export (/api/admin/import…, up to DATELINE_MAX_IMPORT_MB): it is
  // streamed to disk by its handler, never held.
  // Each exclusion is the exact shape of its route (app/media/[key], app/api/media and
  // app/api/media/[id]/file, app/api/admin/import and its [id]/uploads, public/favicon.ico): any
  // other address, such as /favicon.ico-x, /media/p/2 (a section's second page) or /api/media/x/y
  // (which falls back to the old-address page), passes here like every other. Without the exact
  // shapes such a POST reached a page's Server Actions past the same-origin and body checks.
  matcher: [
    "/((?!_next/static/|_next/image$|media/[^/]+$|api/media$|api/media/[^/]+/file$|api/v1/desk/photos$|api/admin/import$|api/admin/import/[^/]+/uploads$|favicon\\.ico$).*)",
  ],
};
