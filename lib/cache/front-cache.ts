import crypto from "node:crypto";
import zlib from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isPublicApiRead, isPublicRequest } from "./http-policy";
import { surrogateKeys } from "./surrogate-keys";
import { acceptsGzip } from "./accept-encoding";

/**
 * A small in-memory cache in front of Next.js for the public pages Next already caches (ISR):
 * a hit is written straight from memory without entering Next's request pipeline. Entries
 * live at most `ttlMs`, each carries its page's surrogate keys (lib/cache/surrogate-keys.ts), and
 * those carrying a tag that expires are dropped (purgeFrontCache, called through lib/cache/purge.ts),
 * so it is never staler than Next.
 */
export class FrontCache {
  /** `gzip` arrives a moment after the entry: it is compressed off the main thread. */
  private entries = new Map<
    string,
    { status: number; headers: Record<string, string>; body: Buffer; gzip: Buffer | null; etag: string; at: number; keys: string[] }
  >();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 5000,
    /** Bodies and their gzipped copies together; the oldest entries go first past it. */
    private readonly maxBytes = 64 * 1024 * 1024,
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

  /** Serves `req` from memory, or lets `next` answer and keeps a cacheable (ISR) HTML answer. */
  /**
   * `perResponse`: headers of this one response (its request id, its Content-Security-Policy
   * nonce). A hit writes them with the cached ones in one writeHead, Node's fast path; a miss
   * sets them before Next.js answers.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => unknown, perResponse: Record<string, string> = {}) {
    const key = req.url!;
    const cacheable = FrontCache.isCacheable(req);
    const hit = cacheable ? this.entries.get(key) : undefined;
    if (hit && Date.now() - hit.at < this.ttlMs) {
      // A browser or CDN that holds this very page is told so (the tag is the content's: a page
      // rendered again unchanged after an unrelated change keeps it).
      if (matches(req.headers["if-none-match"], hit.etag)) {
        res.writeHead(304, {
          "cache-control": hit.headers["cache-control"] ?? "",
          ...perResponse,
          etag: hit.etag,
          vary: "Accept-Encoding",
          "x-dateline-cache": "HIT",
        });
        res.end();
        return;
      }
      const gzip = hit.gzip !== null && acceptsGzip(req.headers["accept-encoding"]);
      const body = gzip ? hit.gzip! : hit.body;
      res.writeHead(hit.status, {
        etag: hit.etag,
        ...hit.headers,
        ...perResponse,
        vary: "Accept-Encoding",
        "x-dateline-cache": "HIT",
        "content-length": String(body.length),
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    for (const name in perResponse) res.setHeader(name, perResponse[name]!);
    // A HEAD answer has no body: kept, it would serve readers an empty page. A HEAD is answered from a GET's copy.
    if (cacheable && req.method === "GET") this.capture(key, res);
    return next();
  }

  private capture(key: string, res: ServerResponse) {
    const generation = this.generation;
    // A page's keys follow from its address; an API answer names its own (lib/api/handler.ts).
    const api = isPublicApiRead(key);
    let keys = surrogateKeys(key) ?? [];
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const keep = () => {
      const type = String(res.getHeader("content-type") ?? "");
      if (api)
        keys = String(res.getHeader("surrogate-key") ?? "")
          .split(" ")
          .filter(Boolean);
      const cacheControl = String(res.getHeader("cache-control") ?? "");
      // A STALE answer is Next's stale-while-revalidate copy; keeping it would outlive the refresh.
      const nextCache = String(res.getHeader("x-nextjs-cache") ?? "");
      return (
        !this.purgedSince(generation, keys) &&
        res.statusCode === 200 &&
        (api ? type.startsWith("application/json") && keys.length > 0 : type.startsWith("text/html")) &&
        /s-maxage=\d+/.test(cacheControl) &&
        nextCache !== "STALE" &&
        !res.getHeader("set-cookie") &&
        !res.getHeader("content-encoding")
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      if (keep()) {
        // Every header Next set (security headers included), but none that describe this one response.
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value === undefined || PER_RESPONSE.has(name)) continue;
          headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
        }
        const body = Buffer.concat(chunks);
        const etag = `W/"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
        const entry = { status: 200, headers, body, gzip: null as Buffer | null, etag, at: Date.now(), keys };
        this.remove(key);
        this.entries.set(key, entry);
        this.bytes += body.length;
        this.trim();
        // On libuv's threads, not the one that serves requests; until it is done, hits go uncompressed.
        zlib.gzip(body, { level: 6 }, (error, gzip) => {
          if (error || this.entries.get(key) !== entry) return;
          entry.gzip = gzip;
          this.bytes += gzip.length;
          this.trim();
        });
      }
      return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
    }) as typeof res.end;
  }
}

/** Whether an If-None-Match header names `etag` (weak comparison, as for GET). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
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
