import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import { FrontCache, installFrontCache } from "./front-cache";
import DatelineCacheHandler, { expiredSince } from "./next-cache-handler.mjs";
import { expiryListenerConnected, onSharedExpiry, pollExpiries, recordExpiry, startExpiryPoll, stopExpiryPoll } from "./shared-expiry";
import { configureRemoteCaches, varnishAdapter } from "./purge";

function otherProcessExpires(tags: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/test/job-process.ts", "expire", JSON.stringify(tags)], {
    env: process.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise<number | null>((resolve) => child.on("exit", resolve));
}

describe("cache expiry shared by server processes", () => {
  it("applies tags another process expired to this process's data cache and front cache, once", async () => {
    await pollExpiries(); // where the table ends now
    const handler = new DatelineCacheHandler();
    await handler.set("story-read", { kind: "FETCH", data: { body: "{}" } }, { tags: ["story:shared-a"] });
    await handler.set("other-read", { kind: "FETCH", data: { body: "{}" } }, { tags: ["story:unrelated"] });
    const front = installFrontCache(new FrontCache());
    const purged: string[][] = [];
    const purgeKeys = front.purgeKeys.bind(front);
    front.purgeKeys = (keys: string[]) => (purged.push([...keys]), purgeKeys(keys));

    // A Varnish in front (a real HTTP server on 127.0.0.1 answering PURGE as deploy/varnish/default.vcl
    // does) that may have taken the old page from this process before it heard of the change.
    const varnishPurges: { keys: string; frontAlreadyPurged: boolean }[] = [];
    const varnish = http.createServer((req, res) => {
      varnishPurges.push({ keys: String(req.headers["xkey-purge"]), frontAlreadyPurged: purged.length > 0 });
      res.writeHead(200).end("Invalidated 1 objects");
    });
    await new Promise<void>((resolve) => varnish.listen(0, "127.0.0.1", resolve));
    configureRemoteCaches([varnishAdapter(`http://127.0.0.1:${(varnish.address() as AddressInfo).port}`)]);

    const heard: string[][] = [];
    const stop = onSharedExpiry((tags) => heard.push(tags));
    await new Promise((r) => setTimeout(r, 5));
    expect(await otherProcessExpires(["story:shared-a", "front"])).toBe(0);
    expect(await handler.get("story-read", {})).not.toBeNull(); // not polled yet
    expect((await pollExpiries()).sort()).toEqual(["front", "story:shared-a"]);
    expect(await handler.get("story-read", {})).toBeNull();
    expect(await handler.get("other-read", {})).not.toBeNull();
    // Only the pages carrying those tags leave this process's front cache.
    expect(purged.map((keys) => keys.sort())).toEqual([["front", "story:shared-a"]]);
    expect(heard.map((tags) => tags.sort())).toEqual([["front", "story:shared-a"]]);
    // And the cache in front is purged of them from here once this process's own caches dropped them.
    await expect.poll(() => varnishPurges.length).toBe(1);
    expect(varnishPurges[0]!.keys.split(" ").sort()).toEqual(["front", "story:shared-a"]);
    expect(varnishPurges[0]!.frontAlreadyPurged).toBe(true);
    configureRemoteCaches([]);
    varnish.close();
    stop();
    // A read that began before the expiry is refused even when stored after it (it may hold the old data).
    await handler.set("story-read", { kind: "FETCH", data: { body: "{}" } }, { tags: ["story:shared-a"] });
    expect(await handler.get("story-read", {})).toBeNull();
    // One stored well after the expiry is served; nothing is applied twice.
    await new Promise((r) => setTimeout(r, 1_100));
    await handler.set("story-read", { kind: "FETCH", data: { body: "{}" } }, { tags: ["story:shared-a"] });
    expect(await pollExpiries()).toEqual([]);
    expect(await handler.get("story-read", {})).not.toBeNull();
  }, 30_000);

  it("applies this process's own records at once, not again when polled", async () => {
    await pollExpiries();
    const before = Date.now() - 1;
    await recordExpiry(["story:own-b"]);
    expect(expiredSince(["story:own-b"], before)).toBe(true);
    expect(await db.cacheTagExpiry.count({ where: { tag: "story:own-b" } })).toBe(1);
    expect(await pollExpiries()).toEqual([]);
  });

  it("refuses an entry when one of the read's implicit tags expired after it was stored", async () => {
    const handler = new DatelineCacheHandler();
    await handler.set("page-read", { kind: "FETCH", data: { body: "{}" } }, { tags: [] });
    await new Promise((r) => setTimeout(r, 2));
    await handler.revalidateTag(["_N_T_/some/page"]);
    expect(await handler.get("page-read", { softTags: ["_N_T_/some/page"] })).toBeNull();
  });
});

describe.runIf(isPostgres)("cache expiry across instances on PostgreSQL", () => {
  it("hears another instance's expiry through LISTEN/NOTIFY within a second, without waiting for the poll", async () => {
    await startExpiryPoll();
    // Another instance: a connection of its own that records an expiry as recordExpiry does.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // The listener connects in the background; wait until a notice would reach it.
      for (let i = 0; i < 100 && !expiryListenerConnected(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(expiryListenerConnected()).toBe(true);
      await new Promise((r) => setTimeout(r, 300)); // past the poll that follows connecting
      const heard: { tags: string[]; at: number }[] = [];
      const stop = onSharedExpiry((tags) => heard.push({ tags, at: performance.now() }));
      await other.query(
        `INSERT INTO "CacheTagExpiry" ("tag", "expiredAt", "origin") VALUES ('story:listened-c', now(), 'another-instance')`,
      );
      const committed = performance.now();
      for (let i = 0; i < 200 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      stop();
      expect(heard.map((h) => h.tags)).toEqual([["story:listened-c"]]);
      // The safety-net poll runs every 2 s while the listener is up: under a second means the notice woke us.
      const ms = heard[0]!.at - committed;
      console.log(`LISTEN/NOTIFY: another instance's expiry applied here ${ms.toFixed(1)} ms after its commit.`);
      expect(ms).toBeLessThan(1_000);
    } finally {
      await other.end();
      stopExpiryPoll();
    }
  });

  it("applies a row that commits after a row with a higher id was read (ids are handed out before commit)", async () => {
    await pollExpiries();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedLow = new Promise<void>((r) => (inserted = r));
    // A transaction takes an id and holds its commit while another row commits after it.
    const slow = db.$transaction(async (tx) => {
      await tx.cacheTagExpiry.create({ data: { tag: "story:late-d", expiredAt: new Date(), origin: "another-instance" } });
      inserted();
      await held;
    });
    await insertedLow;
    await db.cacheTagExpiry.create({ data: { tag: "story:early-e", expiredAt: new Date(), origin: "another-instance" } });
    expect(await pollExpiries()).toEqual(["story:early-e"]);
    release();
    await slow;
    expect(await pollExpiries()).toEqual(["story:late-d"]);
    expect(await pollExpiries()).toEqual([]);
  });
});
