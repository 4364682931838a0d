import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrontCache } from "./front-cache";

let server: http.Server;
let upstream: http.Server;
let base: string;
let renders = 0;
/** Runs while the stand-in renders, after the front cache asked it for the page. */
let duringRender: (() => void) | null = null;
let cache: FrontCache;

/** A stand-in for Next.js: an ISR-style page, a dynamic page and an admin page. */
function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  duringRender?.();
  // A feed, a sitemap or robots.txt, as Dateline's route handlers answer them (lib/feeds/xml.ts).
  const documents: Record<string, string> = {
    "/feed.xml": "application/rss+xml",
    "/sitemap.xml": "application/xml",
    "/robots.txt": "text/plain",
  };
  if (req.url && documents[req.url]) {
    res.writeHead(200, { "content-type": `${documents[req.url]}; charset=utf-8`, "cache-control": "public, max-age=0, s-maxage=60" });
    return res.end(req.method === "HEAD" ? undefined : `<rss><channel><title>render ${renders}</title></channel></rss>`);
  }
  const isr = req.url === "/story" || /^\/(world|sport)\/[\w-]+$/.test(req.url ?? "");
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", isr || req.url === "/stale" ? "s-maxage=60, stale-while-revalidate=600" : "private, no-cache, no-store");
  if (isr) res.setHeader("x-nextjs-cache", "HIT");
  // Next's own Vary on an App Router page.
  res.setHeader("vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
  if (req.url === "/stale") res.setHeader("x-nextjs-cache", "STALE");
  // Like Next.js, a HEAD answer carries the headers only.
  if (req.method === "HEAD") return res.end();
  res.write(`<html><head><link rel="preload" as="script" href="/_next/a.js"/><script type="application/ld+json">{"a":1}</script></head>`);
  res.end(
    `<body><h1>render ${renders}</h1><script src="/_next/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`,
  );
}

/** Listens on a free loopback port; returns its port. */
async function listen(s: http.Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  // As in scripts/server.ts: the stand-in answers the front server's misses over HTTP (the
  // upstream) and every request the cache does not take (next).
  upstream = http.createServer(render);
  cache = new FrontCache(60_000, undefined, undefined, { host: "127.0.0.1", port: await listen(upstream) });
  server = http.createServer((req, res) => cache.handle(req, res, () => render(req, res)));
  base = `http://127.0.0.1:${await listen(server)}`;
});
afterAll(() => {
  server.close();
  upstream.closeAllConnections();
  upstream.close();
});

describe("the front cache", () => {
  it("serves a cached (s-maxage) page from memory, exactly as it was rendered, gzipped when asked", async () => {
    const first = await fetch(`${base}/story`);
    const rendered = await first.text();
    expect(rendered).toContain("render 1");
    // The compressed copy is made off the main thread, a moment after the page is kept.
    await expect
      .poll(async () => (await fetch(`${base}/story`, { headers: { "accept-encoding": "gzip" } })).headers.get("content-encoding"))
      .toBe("gzip");
    const second = await fetch(`${base}/story`, { headers: { "accept-encoding": "gzip" } });
    expect(second.headers.get("x-dateline-cache")).toBe("HIT");
    expect(second.headers.get("content-encoding")).toBe("gzip");
    const html = await second.text();
    expect(html).toContain("render 1");
    expect(html).toBe(rendered);
    expect(renders).toBe(1);
  });

  it("keeps feeds, sitemaps and robots.txt as it keeps pages: from memory, with an ETag, a 304 and gzip", async () => {
    for (const path of ["/feed.xml", "/sitemap.xml", "/robots.txt"]) {
      const first = await fetch(`${base}${path}`);
      const body = await first.text();
      const before = renders;
      const again = await fetch(`${base}${path}`);
      expect(again.headers.get("x-dateline-cache"), path).toBe("HIT");
      expect(await again.text(), path).toBe(body);
      const etag = again.headers.get("etag");
      expect(etag, path).toMatch(/^W\/"/);
      const unchanged = await fetch(`${base}${path}`, { headers: { "if-none-match": etag! } });
      expect(unchanged.status, path).toBe(304);
      await expect
        .poll(async () => (await fetch(`${base}${path}`, { headers: { "accept-encoding": "gzip" } })).headers.get("content-encoding"))
        .toBe("gzip");
      expect(renders, path).toBe(before);
    }
  });

  it("gzips only for a client whose Accept-Encoding takes gzip (q-values, *, identity)", async () => {
    await expect
      .poll(async () => (await fetch(`${base}/story`, { headers: { "accept-encoding": "gzip" } })).headers.get("content-encoding"))
      .toBe("gzip");
    for (const refusal of ["gzip;q=0", "br, gzip;q=0", "*;q=0", "identity", "gzip;q=0.5, identity"]) {
      const response = await fetch(`${base}/story`, { headers: { "accept-encoding": refusal } });
      expect(response.headers.get("x-dateline-cache"), refusal).toBe("HIT");
      expect(response.headers.get("content-encoding"), refusal).toBeNull();
      expect(await response.text(), refusal).toContain("render 1");
    }
    for (const taker of ["*", "br;q=1, gzip;q=0.5", "x-gzip"]) {
      expect((await fetch(`${base}/story`, { headers: { "accept-encoding": taker } })).headers.get("content-encoding"), taker).toBe("gzip");
    }
  });

  it("passes dynamic pages, admin pages, query strings and Next's stale copies through every time", async () => {
    const before = renders;
    await fetch(`${base}/dynamic`);
    await fetch(`${base}/dynamic`);
    await fetch(`${base}/admin/x`);
    await fetch(`${base}/story?page=2`);
    await fetch(`${base}/stale`);
    await fetch(`${base}/stale`);
    expect(renders).toBe(before + 6);
  });

  it("never keeps the empty body of a HEAD request: a HEAD miss is asked of the upstream as a GET, and answered with a GET's headers", async () => {
    cache.clear();
    const before = renders;
    const miss = await fetch(`${base}/story`, { method: "HEAD" });
    expect(miss.headers.get("x-dateline-cache")).toBeNull();
    expect(miss.headers.get("etag")).toMatch(/^W\/"/);
    expect(Number(miss.headers.get("content-length"))).toBeGreaterThan(0);
    const get = await fetch(`${base}/story`);
    expect(get.headers.get("x-dateline-cache")).toBe("HIT");
    expect(get.headers.get("etag")).toBe(miss.headers.get("etag"));
    expect(await get.text()).toMatch(/render \d+/);
    expect(renders).toBe(before + 1);
    const head = await fetch(`${base}/story`, { method: "HEAD" });
    expect(head.headers.get("x-dateline-cache")).toBe("HIT");
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await (await fetch(`${base}/story`)).text()).toMatch(/render \d+/);
  });

  it("answers 304 to a client that holds the page, with a tag of the page's content", async () => {
    cache.clear();
    await fetch(`${base}/story`);
    const hit = await fetch(`${base}/story`);
    const etag = hit.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const fresh = await fetch(`${base}/story`, { headers: { "if-none-match": etag } });
    expect(fresh.status).toBe(304);
    expect(await fresh.text()).toBe("");
    expect((await fetch(`${base}/story`, { headers: { "if-none-match": 'W/"other", ' + etag.slice(2) } })).status).toBe(304);
    const stale = await fetch(`${base}/story`, { headers: { "if-none-match": 'W/"an-older-page"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("etag")).toBe(etag);
  });

  it("gives the first answer the same ETag and Vary as every hit after it, and a 304 to a reader who holds that page when it is rendered again", async () => {
    cache.clear();
    const miss = await fetch(`${base}/story`);
    const page = await miss.text();
    expect(miss.headers.get("x-dateline-cache")).toBeNull();
    const hit = await fetch(`${base}/story`);
    expect(hit.headers.get("x-dateline-cache")).toBe("HIT");
    expect(await hit.text()).toBe(page);
    expect(miss.headers.get("etag")).toMatch(/^W\/"[\w-]+"$/);
    expect(miss.headers.get("etag")).toBe(hit.headers.get("etag"));
    const vary = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";
    expect(miss.headers.get("vary")).toBe(vary);
    expect(hit.headers.get("vary")).toBe(vary);
    expect(miss.headers.get("cache-control")).toBe(hit.headers.get("cache-control"));
    expect(miss.headers.get("content-length")).toBe(String(Buffer.byteLength(page)));
    const held = await fetch(`${base}/story`, { headers: { "if-none-match": hit.headers.get("etag")! } });
    expect(held.status).toBe(304);
    expect(held.headers.get("vary")).toBe(vary);

    // Rendered again (the stand-in's page says which render it is: a page that changed), a reader
    // who holds the old copy gets the new one; one who holds an unchanged copy would get a 304.
    cache.clear();
    const again = await fetch(`${base}/story`, { headers: { "if-none-match": hit.headers.get("etag")! } });
    expect(again.status).toBe(200);
    expect(await again.text()).not.toBe(page);
    cache.clear();
    const before = renders;
    const unchanged = `W/"${crypto
      .createHash("sha1")
      .update(
        `<html><head><link rel="preload" as="script" href="/_next/a.js"/><script type="application/ld+json">{"a":1}</script></head><body><h1>render ${before + 1}</h1><script src="/_next/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script></body></html>`,
      )
      .digest("base64url")}"`;
    const revalidated = await fetch(`${base}/story`, { headers: { "if-none-match": unchanged } });
    expect(revalidated.status).toBe(304);
    expect(renders).toBe(before + 1);
  });

  it("streams an answer it may not keep as the upstream sends it, with the upstream's headers", async () => {
    // Next's stale-while-revalidate copy: a public address, asked of the upstream, never kept.
    const passed = await fetch(`${base}/stale`);
    expect(passed.headers.get("x-nextjs-cache")).toBe("STALE");
    expect(passed.headers.get("etag")).toBeNull();
    expect(passed.headers.get("vary")).toBe("rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
    expect(await passed.text()).toMatch(/render \d+/);
  });

  it("renders again after being cleared", async () => {
    cache.clear();
    expect(await (await fetch(`${base}/story`)).text()).toMatch(/render \d+/);
    expect((await fetch(`${base}/story`)).headers.get("x-dateline-cache")).toBe("HIT");
  });

  it("purges only the pages carrying a purged tag: one story's tags leave an unrelated page a HIT", async () => {
    cache.clear();
    for (const path of ["/world/a-story", "/world/another", "/sport/unrelated"]) await fetch(`${base}${path}`);
    for (const path of ["/world/a-story", "/world/another", "/sport/unrelated"])
      expect((await fetch(`${base}${path}`)).headers.get("x-dateline-cache"), path).toBe("HIT");
    // What a publish of world/a-story expires (lib/cache/invalidation.ts).
    cache.purgeKeys(["story:a-story", "front", "feeds", "sitemaps", "section:world", "author:someone", "tag:something"]);
    expect((await fetch(`${base}/world/a-story`)).headers.get("x-dateline-cache")).toBeNull();
    // Its section's other stories show it among their related stories.
    expect((await fetch(`${base}/world/another`)).headers.get("x-dateline-cache")).toBeNull();
    expect((await fetch(`${base}/sport/unrelated`)).headers.get("x-dateline-cache")).toBe("HIT");
    cache.purgeKeys(["story:nothing-cached"]);
    expect((await fetch(`${base}/world/a-story`)).headers.get("x-dateline-cache")).toBe("HIT");
  });

  it("does not keep a page whose render began before one of its tags was purged, and keeps one an unrelated purge crossed", async () => {
    cache.clear();
    const render = (path: string, purge: string[]) => {
      duringRender = () => cache.purgeKeys(purge);
      return fetch(`${base}${path}`).finally(() => (duringRender = null));
    };
    await (await render("/world/a-story", ["story:a-story"])).text();
    expect((await fetch(`${base}/world/a-story`)).headers.get("x-dateline-cache")).toBeNull();
    await (await render("/sport/unrelated", ["story:a-story"])).text();
    expect((await fetch(`${base}/sport/unrelated`)).headers.get("x-dateline-cache")).toBe("HIT");
  });
});

describe("the front cache's upstream", () => {
  it("answers 502 when the upstream cannot be reached, keeps nothing, and serves the page once it is back", async () => {
    const down = http.createServer(render);
    const port = await listen(down);
    down.close();
    const lonely = new FrontCache(60_000, undefined, undefined, { host: "127.0.0.1", port });
    const front = http.createServer((req, res) => lonely.handle(req, res, () => render(req, res)));
    const at = `http://127.0.0.1:${await listen(front)}`;
    try {
      const failed = await fetch(`${at}/story`);
      expect(failed.status).toBe(502);
      expect(failed.headers.get("cache-control")).toBe("private, no-store");
      expect(lonely.size).toBe(0);
      // Requests the cache does not take still reach Next in this process.
      expect((await fetch(`${at}/admin/x`)).status).toBe(200);
      const back = http.createServer(render);
      await new Promise<void>((resolve) => back.listen(port, "127.0.0.1", resolve));
      try {
        expect((await fetch(`${at}/story`)).status).toBe(200);
        expect((await fetch(`${at}/story`)).headers.get("x-dateline-cache")).toBe("HIT");
      } finally {
        back.closeAllConnections();
        back.close();
      }
    } finally {
      front.close();
    }
  });
});

describe("an upstream that dies mid-answer", () => {
  it("ends the reader's answer too, kept or not, instead of leaving it open", async () => {
    const dying = http.createServer((req, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "s-maxage=60",
        // /world/streamed is Next's stale copy: streamed, never kept. /world/kept may be kept.
        ...(req.url === "/world/streamed" ? { "x-nextjs-cache": "STALE" } : {}),
      });
      res.write("<html><body>half a page");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const front = new FrontCache(60_000, undefined, undefined, { host: "127.0.0.1", port: await listen(dying) });
    const server = http.createServer((req, res) => front.handle(req, res, () => res.end()));
    const at = `http://127.0.0.1:${await listen(server)}`;
    try {
      const streamed = await fetch(`${at}/world/streamed`);
      expect(streamed.status).toBe(200);
      await expect(streamed.text()).rejects.toThrow();
      const kept = await fetch(`${at}/world/kept`);
      expect(kept.status).toBe(502);
      expect(front.size).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
      dying.closeAllConnections();
      dying.close();
    }
  });
});

describe("the front cache's bounds", () => {
  it("keeps no 404, and stays within its entry and byte bounds however many addresses are asked for", async () => {
    const page = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const known = req.url!.startsWith("/page-") || req.url === "/front";
      if (req.url === "/huge") {
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "s-maxage=60");
        return res.end(`<html><body>${"x".repeat(100_000)}</body></html>`);
      }
      res.statusCode = known ? 200 : 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", known ? "s-maxage=60, stale-while-revalidate=600" : "private, no-cache, no-store");
      // Incompressible enough that gzipped copies count too.
      res.end(`<html><body>${req.url} ${Math.random().toString(36).repeat(50)}</body></html>`);
    };
    const pages = http.createServer(page);
    const bounded = new FrontCache(60_000, 50, 40_000, { host: "127.0.0.1", port: await listen(pages) });
    const stand = http.createServer((req, res) => bounded.handle(req, res, () => page(req, res)));
    const at = `http://127.0.0.1:${await listen(stand)}`;
    try {
      await fetch(`${at}/front`);
      expect(bounded.stats.entries).toBe(1);
      for (let i = 0; i < 300; i++) expect((await fetch(`${at}/invented-${i}`)).status).toBe(404);
      expect(bounded.stats.entries).toBe(1);
      expect((await fetch(`${at}/front`)).headers.get("x-dateline-cache")).toBe("HIT");

      let most = 0;
      for (let i = 0; i < 300; i++) {
        await fetch(`${at}/page-${i}`, { headers: { "accept-encoding": "gzip" } });
        most = Math.max(most, bounded.stats.bytes);
        expect(bounded.stats.entries).toBeLessThanOrEqual(50);
      }
      await new Promise((resolve) => setTimeout(resolve, 50)); // the last gzipped copies
      expect(Math.max(most, bounded.stats.bytes)).toBeLessThanOrEqual(40_000);
      expect(bounded.stats.bytes).toBeGreaterThan(20_000);
      // The newest pages are the ones kept.
      expect((await fetch(`${at}/page-299`)).headers.get("x-dateline-cache")).toBe("HIT");
      // A page larger than the whole cache reaches its reader whole, and is not kept.
      for (let i = 0; i < 2; i++) {
        const huge = await fetch(`${at}/huge`);
        expect((await huge.text()).length).toBe(100_026);
        expect(huge.headers.get("x-dateline-cache")).toBeNull();
      }
      bounded.clear();
      expect(bounded.stats).toMatchObject({ entries: 0, bytes: 0 });
    } finally {
      stand.close();
      pages.closeAllConnections();
      pages.close();
    }
  });
});

/** Runs `test` against a front cache of its own whose upstream is `upstream`, and closes both after. */
async function withUpstream(upstream: http.RequestListener, test: (at: string, front: FrontCache) => Promise<void>) {
  const behind = http.createServer(upstream);
  const front = new FrontCache(60_000, undefined, undefined, { host: "127.0.0.1", port: await listen(behind) });
  const server = http.createServer((req, res) => front.handle(req, res, () => res.end()));
  try {
    await test(`http://127.0.0.1:${await listen(server)}`, front);
  } finally {
    for (const s of [server, behind]) {
      s.closeAllConnections();
      s.close();
    }
  }
}

/** How many requests `req`'s connection has carried, this one included. */
function servedOn(counts: WeakMap<object, number>, req: http.IncomingMessage): number {
  const count = (counts.get(req.socket) ?? 0) + 1;
  counts.set(req.socket, count);
  return count;
}

/** A page no cache keeps, naming its address. */
function passPage(req: http.IncomingMessage, res: http.ServerResponse) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" });
  res.end(`<html><body>${req.url}</body></html>`);
}

describe("an upstream that closes a kept-open connection as it is reused", () => {
  it("asks again once on a new connection, so that the reader gets the page and not a 502", async () => {
    // The race every keep-alive proxy meets: the upstream closes an idle connection just as the
    // proxy sends the next request on it. Here each connection's second request finds it closed.
    const connections = new Set<unknown>();
    const counts = new WeakMap<object, number>();
    const closing = (req: http.IncomingMessage, res: http.ServerResponse) => {
      connections.add(req.socket);
      if (servedOn(counts, req) > 1) return void req.socket.destroy();
      passPage(req, res);
    };
    await withUpstream(closing, async (at) => {
      expect(await (await fetch(`${at}/world/first`)).text()).toContain("/world/first");
      // Asked on the connection the first request left open, which the upstream closes.
      const second = await fetch(`${at}/world/second`);
      expect(second.status).toBe(200);
      expect(await second.text()).toContain("/world/second");
      expect(connections.size).toBe(2);
    });
  });

  it("asks again on a connection of its own, not on another kept-open one that may have closed with the first", async () => {
    // Two connections kept open, both closed by the upstream as they are reused.
    const counts = new WeakMap<object, number>();
    const closing = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (servedOn(counts, req) > 1) return void req.socket.destroy();
      // The first requests wait for each other, so that each has a connection of its own.
      setTimeout(() => passPage(req, res), 50);
    };
    await withUpstream(closing, async (at) => {
      const firsts = await Promise.all([fetch(`${at}/world/one`), fetch(`${at}/world/two`)]);
      expect(firsts.map((answer) => answer.status)).toEqual([200, 200]);
      const next = await fetch(`${at}/world/three`);
      expect(next.status).toBe(200);
      expect(await next.text()).toContain("/world/three");
    });
  });

  it("does not ask again once the answer has begun: a reset mid-answer ends the reader's answer, once", async () => {
    const counts = new WeakMap<object, number>();
    const asked: string[] = [];
    const breaking = (req: http.IncomingMessage, res: http.ServerResponse) => {
      asked.push(req.url!);
      if (servedOn(counts, req) === 1) return passPage(req, res);
      // A page that may be kept, begun on the reused connection, then cut off with a reset.
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=60" });
      res.write("<html><body>half a page");
      setTimeout(() => req.socket.resetAndDestroy(), 20);
    };
    await withUpstream(breaking, async (at, front) => {
      expect((await fetch(`${at}/world/first`)).status).toBe(200);
      expect((await fetch(`${at}/world/cut`)).status).toBe(502);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(asked).toEqual(["/world/first", "/world/cut"]);
      expect(front.size).toBe(0);
    });
  });

  it("does not ask again when a new connection fails: the reader gets the 502 at once", async () => {
    let asked = 0;
    const refusing = (req: http.IncomingMessage) => {
      asked++;
      req.socket.destroy();
    };
    await withUpstream(refusing, async (at) => {
      expect((await fetch(`${at}/world/refused`)).status).toBe(502);
      expect(asked).toBe(1);
    });
  });
});
