import { describe, expect, it } from "vitest";
import { surrogateKeyHeaders, surrogateKeys } from "./surrogate-keys";

describe("the surrogate keys of a public page", () => {
  it.each([
    ["/", ["site", "sections", "front"]],
    ["/world", ["site", "sections", "section:world"]],
    ["/world/p/3", ["site", "sections", "section:world"]],
    ["/world/a-story", ["site", "sections", "story:a-story", "section:world"]],
    ["/authors/maria", ["site", "sections", "author:maria"]],
    ["/authors/maria/p/2", ["site", "sections", "author:maria"]],
    ["/photos/cm123abc/credentials", ["site", "sections", "front"]],
    ["/tags/flooding", ["site", "sections", "tag:flooding"]],
    ["/tags/flooding/p/2", ["site", "sections", "tag:flooding"]],
    ["/feed.xml", ["site", "feeds"]],
    ["/world/feed.xml", ["site", "feeds", "section:world"]],
    ["/sitemap.xml", ["site", "sitemaps"]],
    ["/sitemaps/articles-2026-11.xml", ["site", "sitemaps"]],
    ["/news-sitemap.xml", ["site", "sitemaps"]],
    ["/robots.txt", ["site"]],
    ["/world/a-story/extra", ["site", "sections"]],
  ])("%s", (path, keys) => {
    expect(surrogateKeys(path)?.sort()).toEqual([...keys].sort());
  });

  it("has none for what no shared cache keeps (the desk, sign-in, the API, search, files)", () => {
    for (const path of ["/admin", "/admin/articles/x", "/api/health", "/login", "/search", "/_next/static/a.js", "/media/x.jpg"])
      expect(surrogateKeys(path), path).toBeNull();
    expect(surrogateKeyHeaders("/admin")).toEqual({});
  });

  it("is sent as Surrogate-Key (space-separated) and Cache-Tag (comma-separated)", () => {
    expect(surrogateKeyHeaders("/world/a-story")).toEqual({
      "surrogate-key": "site sections story:a-story section:world",
      "cache-tag": "site,sections,story:a-story,section:world",
    });
  });
});
