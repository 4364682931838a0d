import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { getTagBySlug, listTags } from "./queries";
import { getAuthorBySlug } from "../authors/queries";
import { listApiBylines, listApiTags } from "../api/public-reads";
import { buildSitemap } from "../feeds/sitemaps";

describe("tags and bylines that readers may see", () => {
  it("names none made for a story not yet published (an embargoed story's subject stays secret), until it runs, and none after it is unpublished", async () => {
    const editor = await makeUser("EDITOR");
    const { section, author } = await makeNewsroomBits();
    const tag = await db.tag.create({ data: { name: `Secret merger ${uid()}`, slug: `secret-merger-${uid()}` } });
    const story = await createArticle(editor, readyArticleInput(section.id, author.id, { tagIds: [tag.id] }));
    const visible = async () => ({
      tagPage: (await getTagBySlug(tag.slug))?.name ?? null,
      bylinePage: (await getAuthorBySlug(author.slug))?.name ?? null,
      api: (await listApiTags()).data.some((t) => t.slug === tag.slug) && (await listApiBylines()).data.some((a) => a.slug === author.slug),
      sitemap: (await buildSitemap()).includes(`/tags/${tag.slug}<`),
    });
    expect(await visible()).toEqual({ tagPage: null, bylinePage: null, api: false, sitemap: false });
    // The desk still lists it, to give stories.
    expect((await listTags()).some((t) => t.id === tag.id)).toBe(true);

    const live = await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
    expect(await visible()).toEqual({ tagPage: tag.name, bylinePage: author.name, api: true, sitemap: true });

    await transitionArticle(editor, { id: story.id, version: live.version, to: "UNPUBLISHED", reason: "Pulled for a check." });
    expect(await visible()).toEqual({ tagPage: null, bylinePage: null, api: false, sitemap: false });
  });
});
