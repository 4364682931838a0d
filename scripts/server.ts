// The production server: Next.js behind the in-memory front cache of lib/cache/front-cache.ts.
// `npm start` runs it after its setup; `PORT` and `HOSTNAME` choose where it listens.
// `npm run build` compiles it, with scripts/cluster.ts, to .next/dateline/server.mjs, which
// production runs with plain node (no TypeScript at run time).
// `--dev` (npm run dev) runs Next.js in development mode behind it, without the front cache.
import "./lib/production";
import "../lib/ops/load-env";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { FrontCache, installFrontCache } from "../lib/cache/front-cache";
import { expiredTagsOf, onPublicExpiry, requestContext, requestIdFrom, type RequestContext } from "../lib/ops/request-context";
import { log, logEnabled, loggablePath } from "../lib/log";
import { accessLogLevel } from "../lib/ops/access-log";
import { contentSecurityPolicy, photoOrigin } from "../lib/security/csp";
import { DRAFT_LINK_HEADERS, DRAFT_LINK_PATH, keepNoServerErrors, publicCacheControl } from "../lib/cache/http-policy";
import { surrogateKeyHeaders } from "../lib/cache/surrogate-keys";
import { guardRequestBody } from "../lib/security/body-limit";
import { siteIsHttps } from "../lib/security/https";
import { isCopyPage } from "../lib/sources/archive-origin";
import { shutDown } from "../lib/ops/shutdown";
import { checkoutRoot } from "./lib/root";
import { CANNOT_LISTEN, cannotListenMessage } from "./lib/listen";

const https = siteIsHttps();
const publicPolicy = contentSecurityPolicy("public", "", { https, photos: photoOrigin(process.env.DATELINE_MEDIA_PUBLIC_BASE_URL) });

const root = checkoutRoot(import.meta.dirname);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const dev = process.argv.includes("--dev");
const workerId = process.env.DATELINE_WORKER_ID;
const app = next({ dev, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
// Next's request handler also listens on a socket of this process's own, private to it: the front
// cache asks it for the public pages it does not hold over HTTP, as Varnish would (lib/cache/front-cache.ts).
const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-next-"));
const socketPath = path.join(socketDir, "next.sock");
const cache = installFrontCache(new FrontCache(dev ? 0 : undefined, undefined, undefined, dev ? undefined : { socketPath }));
// A change purges its pages from the front cache at once (lib/cache/purge.ts), and again when its
// request has finished: a page a reader's request rendered in between, from data the change had not
// yet expired, is dropped then. No reader waits for an editor's request.
const writesInFlight = new Set<RequestContext>();
onPublicExpiry((context) => writesInFlight.add(context));
function writeFinished(context: RequestContext) {
  if (!writesInFlight.delete(context)) return;
  cache.purgeKeys(expiredTagsOf(context));
}

/** Headers of this one response: its request id, the worker's name, the public pages' policy. */
function perResponseHeaders(req: http.IncomingMessage, requestId: string): Record<string, string> {
  return {
    "x-request-id": requestId,
    // Which of npm start's server processes answered (scripts/cluster.ts).
    ...(workerId ? { "x-dateline-worker": workerId } : {}),
    // The public pages' policy (no nonce: they are cached). Pages rendered per request get theirs,
    // with a nonce, from proxy.ts, which replaces this. Archived copies of sources (issue 19) set their
    // own, stricter one (lib/sources/archive-page.ts), for readers and on the desk: Next adds a
    // route's header to one set here.
    ...(isCopyPage(req.url?.split("?")[0] ?? "") ? {} : { "content-security-policy": publicPolicy }),
  };
}

const server = http.createServer(async (req, res) => {
  // Sign-in throttling's client address (lib/auth/client-ip.ts): the socket's, on a header whose
  // incoming copy is replaced here, so no client can choose it; and word that this server is in front.
  req.headers["x-dateline-client-ip"] = req.socket.remoteAddress ?? "";
  (globalThis as { datelineFrontServer?: boolean }).datelineFrontServer = true;
  // Bodies over their path's limit, and uploads without a session, are refused before a byte of
  // them is read; bodies without a length are counted as they arrive (lib/security/body-limit.ts).
  if (guardRequestBody(req, res)) return;
  // Every request gets an id (or keeps a sane one from the proxy in front), echoed to the client
  // and on every log line written while Next.js handles it, with the user's id once known.
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = requestId;
  // A front-cache hit is answered from memory at once (and logged by nobody: it is a GET 200); a
  // cacheable miss is asked of the private socket below; everything else goes to Next here.
  cache.handle(req, res, () => inNext(req, res, requestId), perResponseHeaders(req, requestId));
});

// The private socket: only this process reaches it (a folder only its user may enter), so the
// client address and request id the front server put on the request are taken as they are.
const inner = http.createServer((req, res) => {
  const requestId = requestIdFrom(req.headers["x-request-id"]);
  for (const [name, value] of Object.entries(perResponseHeaders(req, requestId))) res.setHeader(name, value);
  return inNext(req, res, requestId);
});
inner.keepAliveTimeout = 65_000;
if (!dev) inner.listen(socketPath);
process.on("exit", () => fs.rmSync(socketDir, { recursive: true, force: true }));

/** A request Next.js answers, in this process. */
function inNext(req: http.IncomingMessage, res: http.ServerResponse, requestId: string) {
  const context: RequestContext = { requestId };
  logWhenDone(req, res, context);
  // Next.js has applied a change's cache expiry once its request has finished: pages the front
  // cache kept in between may hold the old version.
  res.on("close", () => writeFinished(context));
  // An address that does not decode names nothing (Next.js answers it 500).
  if (!decodes(new URL(req.url ?? "/", "http://x").pathname)) return reply(res, 400, "This address is not valid.");
  // Public pages are rendered per request from cached reads; whether caches in front may keep
  // the answer is decided by address (lib/cache/http-policy.ts). Next keeps a Cache-Control it
  // finds already set.
  // Its surrogate keys (the cache tags of what it shows) let Varnish and CDNs purge it by tag.
  // A draft link: kept by no cache, indexed by nobody, its token sent on in no Referer.
  if (DRAFT_LINK_PATH.test(new URL(req.url ?? "/", "http://x").pathname)) {
    for (const [name, value] of Object.entries(DRAFT_LINK_HEADERS)) res.setHeader(name, value);
  }
  if (FrontCache.isCacheable(req)) {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    // The open read API's handlers set both themselves (lib/api/handler.ts).
    const cacheControl = publicCacheControl(pathname);
    if (cacheControl) res.setHeader("cache-control", cacheControl);
    keepNoServerErrors(res);
    for (const [name, value] of Object.entries(surrogateKeyHeaders(pathname))) res.setHeader(name, value);
  }
  return requestContext.run(context, () => handle(req, res));
}

/** A short answer written here, before Next.js sees the request. */
function reply(res: http.ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8") {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "content-length": String(Buffer.byteLength(body)),
  });
  res.end(body);
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** One access-log line per request when its answer has ended, at the level lib/ops/access-log.ts gives it. */
function logWhenDone(req: http.IncomingMessage, res: http.ServerResponse, context: { requestId: string }) {
  const started = performance.now();
  res.on("close", () => {
    const path = loggablePath(req.url ?? "");
    const finished = res.writableFinished;
    const level = accessLogLevel({ method: req.method, path, status: res.statusCode, headersSent: res.headersSent, finished });
    if (!logEnabled(level)) return;
    requestContext.run(context, () =>
      log(level, "request", {
        method: req.method,
        path,
        // None was sent when it ended before its headers.
        ...(res.headersSent ? { status: res.statusCode } : {}),
        ms: Math.round(performance.now() - started),
        ...(finished ? {} : { unfinished: res.headersSent ? "after its headers" : "before its headers" }),
      }),
    );
  });
}
// HSTS on every response of an https site, whatever next.config.js said when it was built, and
// whichever part of this server or of Next.js answers (pages, cache hits, redirects, 404s, files).
if (https)
  server.prependListener("request", (_req, res) => res.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains"));
server.keepAliveTimeout = 65_000;
// A port that cannot be had ends this process with a sentence (Next's handler of uncaught
// exceptions kept it running, serving nothing, and `npm start` never failed).
server.on("error", (error: NodeJS.ErrnoException) => {
  const message = cannotListenMessage(error.code, port);
  if (!message) throw error;
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: message }));
  process.exit(CANNOT_LISTEN);
});
server.listen(port, hostname, () =>
  console.log(`Dateline is listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`),
);
// Stop taking requests, let those in flight finish, and stop for good after a grace period even if
// one has not (a write gives up on a lock after 5 s, so none should be left by then). Meanwhile the
// background work is finished or handed back (lib/ops/shutdown.ts: the job runner's leases).
const SHUTDOWN_GRACE_MS = 10_000;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    const background = shutDown(SHUTDOWN_GRACE_MS / 2, new Date(Date.now() + SHUTDOWN_GRACE_MS));
    server.close(() => void background.finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(`Stopping with requests still open after ${SHUTDOWN_GRACE_MS / 1000} s.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  });
}
