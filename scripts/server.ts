// The production server: Next.js behind the in-memory front cache of lib/front-cache.ts, and the
// public article pages (lib/public-article.tsx) and the stylesheet (lib/stylesheet.ts), which it
// answers itself.
// `npm start` runs it after its setup; `PORT` and `HOSTNAME` choose where it listens.
// `--dev` (npm run dev) runs Next.js in development mode behind it, without the front cache.
import "./lib/production";
import "../lib/load-env";
import http from "node:http";
import path from "node:path";
import next from "next";
import fs from "node:fs";
import { FrontCache, installFrontCache, withoutNextScripts } from "../lib/front-cache";
import { onPublicExpiry, requestContext, requestIdFrom, type RequestContext } from "../lib/request-context";
import { log, logEnabled } from "../lib/log";
import { contentSecurityPolicy, newNonce } from "../lib/security/csp";
import { articleAddress, articleResponse, notFoundResponse, type PageResponse } from "../lib/public-article";
import { stylesheetResponse } from "../lib/stylesheet";
import { acceptsGzip } from "../lib/http/accept-encoding";
import { nestsDeeperThan } from "../lib/http/json-depth";
import { isUnknownListAddress } from "../lib/http/public-address";
import { PassThrough } from "node:stream";
import { ACTION_BODY_LIMIT, tooLargeMessage } from "../lib/security/body-limit";
import type { NextConfig } from "next";
import { pathToFileURL } from "node:url";

const https = String(process.env.DATELINE_SITE_URL ?? "").startsWith("https://");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const dev = process.argv.includes("--dev");
const app = next({ dev, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
// Public 404s (Next's and the article pages') are one page, rendered with today's masthead.
const cache = installFrontCache(new FrontCache(dev ? 0 : undefined, undefined, () => Buffer.from(notFoundResponse().body)));
// The headers next.config.js gives every address, for the pages this server answers itself.
const { default: nextConfig } = (await import(pathToFileURL(path.join(root, "next.config.js")).href)) as { default: NextConfig };
const everyPageHeaders = Object.fromEntries(
  ((await nextConfig.headers?.()) ?? []).filter((rule) => rule.source === "/:path*").flatMap((rule) => rule.headers.map((h) => [h.key.toLowerCase(), h.value])),
);

// Next's top-level addresses other than a section's (/[section]), from the build: they come first.
const routesManifest = path.join(root, ".next/routes-manifest.json");
const nextTopLevel: ReadonlySet<string> | null = dev || !fs.existsSync(routesManifest) ? null : topLevelRoutes(routesManifest);

const globalError = path.join(root, ".next/server/app/_global-error.html");
const serverErrorHtml = fs.existsSync(globalError) ? withoutNextScripts(fs.readFileSync(globalError, "utf8")) : "<!DOCTYPE html><title>Something went wrong</title><p>Something went wrong on our side.</p>";

// Next.js applies a change's cache expiry only when the request that made it has finished, and an
// editor's browser hears "saved" a little before that. Reader requests for public pages that
// arrive in between wait for it (at most 2 s), so nobody is served the old version of a page
// once its change has been acknowledged.
const writesInFlight = new Set<RequestContext>();
let waiters: (() => void)[] = [];
onPublicExpiry((context) => writesInFlight.add(context));
function writeFinished(context: RequestContext) {
  if (!writesInFlight.delete(context)) return;
  cache.clear();
  if (writesInFlight.size === 0) {
    waiters.forEach((resolve) => resolve());
    waiters = [];
  }
}
const writesSettled = () =>
  writesInFlight.size === 0 ? null : Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), new Promise<void>((resolve) => setTimeout(resolve, 2000))]);

const server = http.createServer(async (req, res) => {
  if (writesInFlight.size > 0 && FrontCache.isCacheable(req)) await writesSettled();
  // Every request gets an id (or keeps a sane one from the proxy in front), echoed to the client
  // and on every log line written while Next.js handles it, with the user's id once known.
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  const perResponse = {
    "x-request-id": requestId,
    // The public pages' policy, with a nonce of its own per response (no script on them has it:
    // they carry none). Pages rendered per request get theirs from proxy.ts, which replaces this.
    "content-security-policy": contentSecurityPolicy("public", newNonce(), { https }),
  };
  // A front-cache hit is answered from memory at once (and logged by nobody: it is a GET 200).
  cache.handle(req, res, () => {
    const context: RequestContext = { requestId };
    withoutRepeatedHeaders(res);
    logWhenDone(req, res, context);
    // Next.js has applied a change's cache expiry once its request has finished: pages the front
    // cache kept in between may hold the old version.
    res.on("close", () => writeFinished(context));
    const pathname = req.method === "GET" || req.method === "HEAD" ? new URL(req.url ?? "/", "http://x").pathname : "";
    // An address that does not decode names nothing (Next.js answers it 500).
    if (!decodes(new URL(req.url ?? "/", "http://x").pathname)) return answer(req, res, () => badRequest("This address is not valid."));
    // Invented list addresses are answered here, so that Next's page cache never keeps them.
    if (nextTopLevel && pathname && unknownListAddress(pathname, nextTopLevel)) return answer(req, res, notFoundResponse);
    if (isPossibleServerAction(req)) {
      return requestContext.run(context, () =>
        checkedAction(req, res, () => handle(req, res)).catch((error: unknown) => {
          log("error", "server action check failed", { path: req.url, error: error instanceof Error ? error.stack : String(error) });
          if (!res.headersSent) answer(req, res, () => badRequest("Something went wrong on our side.", 500));
        }),
      );
    }
    const article = articleAddress(pathname);
    if (article) return requestContext.run(context, () => answer(req, res, () => articleResponse(article.section, article.slug)));
    const asset = /^\/assets\/([^/]+)$/.exec(pathname)?.[1];
    if (asset) return answer(req, res, () => stylesheetResponse(asset, { gzip: acceptsGzip(req.headers["accept-encoding"]) }));
    return requestContext.run(context, () => handle(req, res));
  }, perResponse);
});

/**
 * Next.js sends a redirect rendered by an on-demand (ISR) page with its Location header twice
 * (vercel/next.js#82117); proxies and crawlers join them into "/a, /a", which Googlebot refuses.
 * A value a header already has is not appended again (Set-Cookie excepted).
 */
function withoutRepeatedHeaders(res: http.ServerResponse) {
  const append = res.appendHeader.bind(res);
  res.appendHeader = (name: string, value: string | readonly string[]) => {
    const current = res.getHeader(name);
    const repeated = name.toLowerCase() !== "set-cookie" && current !== undefined && typeof value === "string" && [current].flat().map(String).includes(value);
    return repeated ? res : append(name, value);
  };
}

/** Writes a page rendered here; a failure is logged and answered like Next.js answers one. */
function answer(req: http.IncomingMessage, res: http.ServerResponse, render: () => PageResponse) {
  let page: PageResponse;
  try {
    page = render();
  } catch (error) {
    log("error", "render failed", { path: req.url, error: error instanceof Error ? error.stack : String(error) });
    page = { status: 500, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store" }, body: serverErrorHtml };
  }
  const body = Buffer.from(page.body);
  for (const [name, value] of Object.entries({ ...everyPageHeaders, ...page.headers, "content-length": String(body.length) })) res.setHeader(name, value);
  res.statusCode = page.status;
  res.end(req.method === "HEAD" ? undefined : body);
}

function topLevelRoutes(manifest: string): ReadonlySet<string> {
  const { staticRoutes, dynamicRoutes } = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<"staticRoutes" | "dynamicRoutes", { page: string }[]>;
  return new Set([...staticRoutes, ...dynamicRoutes].map((route) => route.page.split("/")[1]!).filter((first) => first !== "" && first !== "[section]"));
}

/** isUnknownListAddress, or false (Next.js answers) when the database cannot say. */
function unknownListAddress(pathname: string, nextTopLevel: ReadonlySet<string>): boolean {
  try {
    return isUnknownListAddress(pathname, nextTopLevel);
  } catch (error) {
    log("error", "address check failed", { path: pathname, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badRequest(message: string, status = 400): PageResponse {
  return { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" }, body: message };
}

/** A POST Next.js may take for a Server Action: its id in a header, or a form (no-JavaScript submit). */
function isPossibleServerAction(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/")) return false;
  const type = String(req.headers["content-type"] ?? "");
  return req.headers["next-action"] !== undefined || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

// React decodes a Server Action's arguments recursively, before the action (and its sign-in
// check) runs: a body nested a few thousand levels deep overflows the stack there, a 500. No
// argument of ours nests anywhere near this deep.
const MAX_ACTION_NESTING = 256;

/**
 * Reads a Server Action's body, refuses one nested too deep with 400, and hands the same bytes
 * to `next` as the request's body (the way Next.js replays a body after its proxy has read it).
 */
async function checkedAction(req: http.IncomingMessage, res: http.ServerResponse, next: () => unknown) {
  // A declared length past the limit is refused by proxy.ts before the body is read.
  if (Number(req.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) return next();
  // Read to the end (a body past the limit is drained, not kept), so that an answer can follow.
  const body = await new Promise<Buffer | number | null>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= ACTION_BODY_LIMIT) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > ACTION_BODY_LIMIT ? size : Buffer.concat(chunks)));
    req.on("error", () => resolve(null));
  });
  if (body === null) return; // the client went away
  if (typeof body === "number") {
    const refusal = JSON.stringify({ error: tooLargeMessage(body, ACTION_BODY_LIMIT) });
    return answer(req, res, () => ({ status: 413, headers: { "content-type": "application/json", "cache-control": "private, no-store" }, body: refusal }));
  }
  if (nestsDeeperThan(body, MAX_ACTION_NESTING, String(req.headers["content-type"] ?? ""))) {
    return answer(req, res, () => badRequest(`The request's data is nested too deeply (more than ${MAX_ACTION_NESTING} levels).`));
  }
  const replay = new PassThrough();
  replay.end(body);
  for (const key in replay) {
    const value = (replay as unknown as Record<string, unknown>)[key];
    (req as unknown as Record<string, unknown>)[key] = typeof value === "function" ? value.bind(req) : value;
  }
  return next();
}

/** Writes and failures always; every other request, and the scheduler's calls to its endpoint, at debug level. */
function logWhenDone(req: http.IncomingMessage, res: http.ServerResponse, context: { requestId: string }) {
  const started = performance.now();
  res.on("finish", () => {
    const path = (req.url ?? "").split("?")[0]!;
    const write = !(req.method === "GET" || req.method === "HEAD") && !path.startsWith("/api/cron/");
    const notable = write || res.statusCode >= 500;
    if (!notable && !logEnabled("debug")) return;
    requestContext.run(context, () =>
      log(notable ? "info" : "debug", "request", { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }),
    );
  });
}
// HSTS on every response of an https site, whatever next.config.js said when it was built, and
// whichever part of this server or of Next.js answers (pages, cache hits, redirects, 404s, files).
if (https) server.prependListener("request", (_req, res) => res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains"));
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Dateline is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
