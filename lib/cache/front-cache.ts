import crypto from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import zlib from "node:zlib";
import { etagMatches, isPublicApiRead, isPublicRequest } from "./http-policy";
import { surrogateKeys } from "./surrogate-keys";
import { acceptsGzip } from "./accept-encoding";
import { log, loggablePath } from "../log";

/** What a public address answers that may be kept: a page, a feed or sitemap, robots.txt. */
const PUBLIC_DOCUMENT_TYPE = /^(?:text\/html|application\/rss\+xml|application\/xml|text\/plain)\s*(?:;|$)/;

/** A kept answer. `gzip` arrives a moment after the entry: it is compressed off the main thread. */
type Entry = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  at: number;
  keys: string[];
};

/**
 * A small in-memory HTTP cache in front of Next.js for the public pages: a hit is written straight
 * from memory without entering Next's request pipeline. A miss of a cacheable GET is asked of the
 * upstream — Next's request handler, served on a private socket of the same process
 * (scripts/server.ts) — over HTTP, as Varnish would ask it: when its own headers allow it (200, a
 * page, a feed, a sitemap, robots.txt or an open API answer, `s-maxage`, no cookie, not Next's
 * stale copy) the answer is kept and the reader gets it as every later hit will (with its ETag);
 * any other is streamed to the reader. Nothing of Next's is patched or parsed. Entries live at most `ttlMs`,
 * each carries its page's surrogate keys (lib/cache/surrogate-keys.ts), and those carrying a tag
 * that expires are dropped (purgeFrontCache, called through lib/cache/purge.ts), so it is never
 * staler than Next. Without an upstream (development) it keeps nothing.
 */
export class FrontCache {
  private entries = new Map<string, Entry>();

  /** Connections to the upstream, kept open between requests. */
  private readonly agent = new http.Agent({
    keepAlive: true,
    maxSockets: 256,
    // An idle connection is closed here before the upstream closes it (scripts/server.ts: 65 s), so
    // that a request is seldom sent on one the upstream is closing (that one is asked again).
    timeout: 60_000,
  });

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 5000,
    /** Bodies and their gzipped copies together; the oldest entries go first past it. */
    private readonly maxBytes = 64 * 1024 * 1024,
    /** Where misses are asked: `{ socketPath }` or `{ host, port }`. None: every request goes to `next`, nothing is kept. */
    private readonly upstream?: Pick<http.RequestOptions, "socketPath" | "host" | "port">,
  ) {}

  static isCacheable(req: IncomingMessage): boolean {
    return isPublicRequest(req.method, req.url ?? "", req.headers);
  }

  /** Bumped by every purge: a page whose capture began before a purge of one of its keys is not kept. */
  private generation = 0;

  /** The keys of the latest purges (null: everything), by generation, for the captures still under way. */
  private recentPurges: { generation: number; keys: Set<string> | null }[] = [];

  private bytes = 0;

  clear() {
    this.entries.clear();
    this.bytes = 0;
    this.notePurge(null);
  }

  /** Drops every page carrying one of `keys` (cache tags); the others stay. */
  purgeKeys(keys: string[]) {
    if (keys.length === 0) return;
    const purged = new Set(keys);
    for (const [url, entry] of this.entries) if (entry.keys.some((key) => purged.has(key))) this.remove(url);
    this.notePurge(purged);
  }

  private notePurge(keys: Set<string> | null) {
    this.generation++;
    this.recentPurges.push({ generation: this.generation, keys });
    if (this.recentPurges.length > 64) this.recentPurges.shift();
  }

  /** Whether a page with `keys` whose capture began at `generation` may hold what a purge since removed. */
  private purgedSince(generation: number, keys: string[]): boolean {
    if (generation === this.generation) return false;
    // Past the purges remembered: assume the worst.
    if (this.recentPurges[0]!.generation > generation + 1) return true;
    return this.recentPurges.some(
      (purge) => purge.generation > generation && (purge.keys === null || keys.some((key) => purge.keys!.has(key))),
    );
  }

  get size() {
    return this.entries.size;
  }

  /** What the cache holds: entries and bytes (bodies and gzipped copies), each bounded. */
  get stats() {
    return { entries: this.entries.size, bytes: this.bytes, maxEntries: this.maxEntries, maxBytes: this.maxBytes };
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length + (entry.gzip?.length ?? 0);
  }

  /** Drops the oldest entries until the cache is within its bounds. */
  private trim() {
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 0))
      this.remove(this.entries.keys().next().value!);
  }

  /**
   * Serves `req` from memory, or lets `next` answer and keeps a cacheable (ISR) HTML answer.
   *
   * `perResponse`: headers of this one response (its request id, its Content-Security-Policy
   * nonce). A hit writes them with the cached ones in one writeHead, Node's fast path; a miss
   * sets them before Next.js answers.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => unknown, perResponse: Record<string, string> = {}) {
    const key = req.url!;
    const cacheable = FrontCache.isCacheable(req);
    const hit = cacheable ? this.entries.get(key) : undefined;
    if (hit && Date.now() - hit.at < this.ttlMs) return this.serve(hit, req, res, perResponse, true);
    // The upstream is always asked with a GET (a HEAD answer has no body: kept, it would serve readers
    // an empty page); a HEAD is answered from that GET's copy, with the headers a GET gets.
    if (cacheable && this.upstream) return this.fromUpstream(key, req, res, perResponse);
    for (const name in perResponse) res.setHeader(name, perResponse[name]!);
    return next();
  }

  /**
   * Writes a kept answer to the reader: a 304 when they hold this very copy (the tag is the
   * content's: a page rendered again unchanged after an unrelated change keeps it), gzipped when
   * they take gzip and the compressed copy is ready. A miss is written from its entry too, so that
   * the first answer has the same headers (ETag, Vary) as every hit after it, for the browser and
   * any cache in between; only a hit says so.
   */
  private serve(entry: Entry, req: IncomingMessage, res: ServerResponse, perResponse: Record<string, string>, hit: boolean) {
    const marker: Record<string, string> = hit ? { "x-dateline-cache": "HIT" } : {};
    if (etagMatches(req.headers["if-none-match"], entry.etag)) {
      // What a 200 would have said of caching (RFC 9110, 15.4.5).
      res.writeHead(304, {
        "cache-control": entry.headers["cache-control"] ?? "",
        vary: entry.headers["vary"]!,
        ...perResponse,
        etag: entry.etag,
        ...marker,
      });
      res.end();
      return;
    }
    const gzip = entry.gzip !== null && acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? entry.gzip! : entry.body;
    res.writeHead(entry.status, {
      etag: entry.etag,
      ...entry.headers,
      ...perResponse,
      ...marker,
      "content-length": String(body.length),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /**
   * Asks the upstream for `key` with the reader's request headers. An answer that may be kept is
   * collected, kept, and written to the reader from its entry; any other answer is streamed to the
   * reader as it comes, its headers winning over `perResponse` as Next's own did when it answered
   * directly (so is one too large to keep, from the moment it outgrows the cache).
   */
  private fromUpstream(key: string, req: IncomingMessage, res: ServerResponse, perResponse: Record<string, string>, again = false) {
    const generation = this.generation;
    // Asked again, it goes on a new connection: the pool's other idle ones may have closed with the first.
    const agent = again ? false : this.agent;
    const upstream = http.request({ ...this.upstream, agent, method: "GET", path: key, headers: forwardable(req.headers) });
    let answered = false;
    // A reader who leaves stops the render they asked for.
    const leave = () => {
      if (!res.writableFinished) upstream.destroy();
    };
    res.on("close", leave);
    const failed = (error: Error) => {
      // The reader left: the request was stopped here, and nobody is waiting for an answer. Or the
      // reader has had the 502 already (the request and its answer both tell of one failure).
      if (res.destroyed || res.writableEnded) return;
      log("error", "The front cache's request to Next.js failed", {
        requestId: perResponse["x-request-id"],
        path: loggablePath(key),
        error: error.message,
        code: (error as NodeJS.ErrnoException).code,
        reusedSocket: upstream.reusedSocket,
        askedAgain: again,
      });
      if (res.headersSent) return res.destroy(error);
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", ...perResponse });
      res.end("The page could not be rendered. Try again in a moment.");
    };
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      // A connection kept open from an earlier request may be closed by the upstream just as this
      // one is sent on it (its keep-alive timeout, or its end of an earlier answer): nothing of it was
      // read, so it is asked again, once, as Varnish and nginx do. The request is always a GET.
      if (upstream.reusedSocket && !again && !answered && !res.destroyed && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        res.off("close", leave);
        // How often it happens, for whoever tunes the keep-alive timeouts.
        log("debug", "The front cache asks Next.js again: a kept-open connection was closed", {
          requestId: perResponse["x-request-id"],
          path: loggablePath(key),
          code: error.code,
        });
        return this.fromUpstream(key, req, res, perResponse, true);
      }
      failed(error);
    });
    upstream.on("response", (answer) => {
      answered = true;
      const passHeaders = () => {
        const headers: OutgoingHttpHeaders = { ...perResponse };
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
        res.writeHead(answer.statusCode ?? 502, headers);
      };
      // Whether it may be kept is known from its status and headers: only then is its body collected.
      const keys = this.keepableKeys(key, answer);
      // An upstream that dies mid-answer ends the reader's answer too, rather than leaving it open.
      answer.on("error", failed);
      if (!keys) {
        passHeaders();
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= this.maxBytes) return void chunks.push(chunk);
        // Past the cache's whole size it is never kept: what came so far and the rest go to the reader as they come.
        if (!res.headersSent) {
          passHeaders();
          for (const held of chunks.splice(0)) res.write(held);
        }
        if (!res.write(chunk)) {
          answer.pause();
          res.once("drain", () => answer.resume());
        }
      });
      answer.on("end", () => {
        if (res.headersSent) return void res.end();
        if (!answer.complete) return failed(new Error("The upstream's answer ended early."));
        const entry = this.entryFor(answer.headers, Buffer.concat(chunks), keys);
        if (!this.purgedSince(generation, keys)) this.store(key, entry);
        this.serve(entry, req, res, perResponse, false);
      });
    });
    upstream.end();
  }

  /**
   * The surrogate keys of an upstream answer its own headers allow to be kept (200, a page's HTML, a
   * feed's or sitemap's XML, robots.txt, or an open API answer's JSON, `s-maxage`, no cookie, not
   * Next's stale copy, not compressed); null when not.
   * A page's keys follow from its address; an open API answer names its own (lib/api/handler.ts).
   */
  private keepableKeys(key: string, answer: IncomingMessage): string[] | null {
    const header = (name: string) => String(answer.headers[name] ?? "");
    const api = isPublicApiRead(key);
    const keys = api ? header("surrogate-key").split(" ").filter(Boolean) : (surrogateKeys(key) ?? []);
    const type = header("content-type");
    const keepable =
      answer.statusCode === 200 &&
      (api ? type.startsWith("application/json") && keys.length > 0 : PUBLIC_DOCUMENT_TYPE.test(type)) &&
      /s-maxage=\d+/.test(header("cache-control")) &&
      // A STALE answer is Next's stale-while-revalidate copy; keeping it would outlive the refresh.
      header("x-nextjs-cache") !== "STALE" &&
      answer.headers["set-cookie"] === undefined &&
      answer.headers["content-encoding"] === undefined;
    return keepable ? keys : null;
  }

  /** An upstream answer as kept: every header Next set (security headers included), but none that describe that one response. */
  private entryFor(answerHeaders: IncomingHttpHeaders, body: Buffer, keys: string[]): Entry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answerHeaders)) {
      if (value === undefined || PER_RESPONSE.has(name) || HOP_BY_HOP.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    // Next's own Vary (its router's headers: the cache passes such requests through), and the encoding it chooses.
    headers["vary"] = varyWithAcceptEncoding(headers["vary"]);
    const etag = `W/"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
    return { status: 200, headers, body, gzip: null, etag, at: Date.now(), keys };
  }

  private store(key: string, entry: Entry) {
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    this.trim();
    // On libuv's threads, not the one that serves requests; until it is done, hits go uncompressed.
    zlib.gzip(entry.body, { level: 6 }, (error, gzip) => {
      if (error || this.entries.get(key) !== entry) return;
      entry.gzip = gzip;
      this.bytes += gzip.length;
      this.trim();
    });
  }
}

/** `vary` with Accept-Encoding among its names (once, whatever its case). */
export function varyWithAcceptEncoding(vary: string | undefined): string {
  const names = (vary ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return names.some((name) => name.toLowerCase() === "accept-encoding" || name === "*")
    ? names.join(", ")
    : [...names, "Accept-Encoding"].join(", ");
}

/** Headers of one connection, not of the message (RFC 9110, 7.6.1): never forwarded either way. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade"]);

/** The reader's request headers as the upstream gets them. */
function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/** Headers a cached copy must not repeat: per-response framing, and script preload hints it no longer needs. */
const PER_RESPONSE = new Set([
  "content-security-policy",
  "x-request-id",
  "content-length",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "etag",
  "set-cookie",
  "link",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
]);

const state = globalThis as unknown as { datelineFrontCache?: FrontCache };

/** The process's front cache (created by scripts/server.ts); absent under plain `next start`. */
export const installFrontCache = (cache: FrontCache) => (state.datelineFrontCache = cache);

/** Drops every front-cached page. */
export function clearFrontCache() {
  state.datelineFrontCache?.clear();
}

/** Drops the front-cached pages carrying one of `keys`; called whenever public cache tags expire. */
export function purgeFrontCache(keys: string[]) {
  state.datelineFrontCache?.purgeKeys(keys);
}
