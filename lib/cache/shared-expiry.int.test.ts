import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { FrontCache, installFrontCache } from "./front-cache";
import DatelineCacheHandler, { expiredSince } from "./next-cache-handler.mjs";
import { onSharedExpiry, pollExpiries, recordExpiry } from "./shared-expiry";

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

    const heard: string[][] = [];
    const stop = onSharedExpiry((tags) => heard.push(tags));
    await new Promise((r) => setTimeout(r, 5));
    expect(await otherProcessExpires(["story:shared-a", "front"])).toBe(0);
    expect(await handler.get("story-read", {})).not.toBeNull(); // not polled yet
    expect((await pollExpiries()).sort()).toEqual(["front", "story:shared-a"]);
    expect(await handler.get("story-read", {})).toBeNull();
    expect(await handler.get("other-read", {})).not.toBeNull();
    // Only the pages carrying those tags leave this process's front cache (remote caches were
    // purged by the process that made the change).
    expect(purged.map((keys) => keys.sort())).toEqual([["front", "story:shared-a"]]);
    expect(heard.map((tags) => tags.sort())).toEqual([["front", "story:shared-a"]]);
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
