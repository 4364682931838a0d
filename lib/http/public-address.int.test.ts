import { describe, expect, it } from "vitest";
import { db } from "../db";
import { PUBLIC_PAGE_SIZE } from "../public-pages";
import { makeNewsroomBits, uid } from "../test/factories";
import { isUnknownListAddress, LIST_PAGE_SIZE } from "./public-address";

const nextTopLevel = new Set(["admin", "api", "login", "search", "feed.xml", "robots.txt", "sitemap.xml", "news-sitemap.xml", "assets", "media", "sitemaps", "tags", "authors", "edition"]);
const unknown = (pathname: string) => isUnknownListAddress(pathname, nextTopLevel);

describe("isUnknownListAddress", () => {
  it("lets real sections, tags, bylines, their feeds and Next's own addresses through", async () => {
    const { section, author } = await makeNewsroomBits();
    const tag = await db.tag.create({ data: { name: `Tag ${uid()}`, slug: `tag-${uid()}` } });
    for (const pathname of [`/${section.slug}`, `/${section.slug}/feed.xml`, `/tags/${tag.slug}`, `/authors/${author.slug}`, "/", "/search", "/login", "/feed.xml", "/robots.txt", "/admin/articles", "/_next/static/x.js", "/sitemaps/pages.xml", "/sitemaps/articles-3.xml", "/a/b/c/d"]) {
      expect(unknown(pathname), pathname).toBe(false);
    }
    // A section that moved keeps forwarding from its old address (Next answers 308).
    await db.sectionRedirect.create({ data: { fromSlug: `old-${section.slug}`, sectionId: section.id } });
    expect(unknown(`/old-${section.slug}`)).toBe(false);
  });

  it("names invented editions, sections, tags, bylines, pages past the end and sitemap files", async () => {
    const { section, author } = await makeNewsroomBits();
    for (const pathname of ["/edition/x", "/edition/today", "/no-such-section", "/no-such-section/feed.xml", "/no-such-section/p/2", "/favicon.ico", "/wp-login.php", "/tags/nope", "/tags/nope/p/2", "/authors/nobody", `/${section.slug}/p/2`, `/${section.slug}/p/1`, `/${section.slug}/p/abc`, `/authors/${author.slug}/p/2`, "/sitemaps/x.xml"]) {
      expect(unknown(pathname), pathname).toBe(true);
    }
  });

  it("counts pages as the list pages do", () => {
    expect(LIST_PAGE_SIZE).toBe(PUBLIC_PAGE_SIZE);
  });
});
