import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleAddress } from "./public-article";

/** The first segments of the two-segment addresses Next.js serves itself: app/'s folders, route groups looked into. */
function nextTopLevel(dir = path.resolve(import.meta.dirname, "../app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith("[")) return [];
    return entry.name.startsWith("(") ? nextTopLevel(path.join(dir, entry.name)) : [entry.name];
  });
}

describe("the article addresses the server renders itself", () => {
  it("are /<section>/<slug> and /news/<slug>", () => {
    expect(articleAddress("/world/harbour-vote")).toEqual({ section: "world", slug: "harbour-vote" });
    expect(articleAddress("/news/harbour-vote")).toEqual({ section: "news", slug: "harbour-vote" });
  });

  it("leave every address of Next.js's own routes to it", () => {
    const own = nextTopLevel();
    expect(own).toEqual(expect.arrayContaining(["admin", "api", "authors", "tags", "search", "login", "media", "sitemaps", "assets", "edition"]));
    for (const first of own) expect(articleAddress(`/${first}/some-slug`), first).toBeNull();
    // [section]'s own children: pages of a list and the section's feed.
    expect(articleAddress("/world/feed.xml")).toBeNull();
    expect(articleAddress("/world/p/2")).toBeNull();
  });

  it("leave malformed addresses to Next.js's 404", () => {
    for (const address of ["/world", "/world/", "/world/a/b", "/World/story", "/world/st%6Fry", "/world/story.html", "/_next/static", "//story"]) {
      expect(articleAddress(address), address).toBeNull();
    }
  });
});
