import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, transitionArticle, updateArticle } from "./mutations";
import { getPublishedArticleBySlug, listPublishedArticles } from "./queries";
import { getRevision, listRevisions, restoreRevision } from "./revisions";
import { storyLanguage } from "./language";
import { buildRssFeed } from "../feeds/rss";
import { buildNewsSitemap } from "../feeds/sitemaps";
import { getPublicStoryById, listPublicStories, storyListQuerySchema } from "../api/public-reads";
import { newsArticleJsonLd } from "../seo/structured-data";
import { readSiteSettings } from "../settings/queries";
import { LANGUAGE_MESSAGE } from "../settings/language";

let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;
const parser = new XMLParser({ ignoreAttributes: false });

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
});

describe("a story in a language of its own", () => {
  it("is saved canonical, kept in each revision, and cleared to the site's by an empty field", async () => {
    const created = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { language: "CY" }));
    expect((await db.article.findUnique({ where: { id: created.id } }))!.language).toBe("cy");
    const cleared = await updateArticle(editor, {
      ...readyArticleInput(bits.section.id, bits.author.id, { slug: created.slug, language: "" }),
      id: created.id,
      version: created.version,
    });
    expect((await db.article.findUnique({ where: { id: created.id } }))!.language).toBeNull();
    const [latest, first] = await listRevisions(editor, created.id);
    expect((await getRevision(editor, created.id, first!.id)).snapshot.language).toBe("cy");
    expect((await getRevision(editor, created.id, latest!.id)).snapshot.language).toBeNull();
    // Restoring the first revision brings its language back.
    await restoreRevision(editor, { articleId: created.id, revisionId: first!.id, version: cleared.version });
    expect((await db.article.findUnique({ where: { id: created.id } }))!.language).toBe("cy");
  });

  it("keeps its language when a revision from before stories had one is restored (that revision says nothing of it)", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id, { language: "cy" });
    const created = await createArticle(editor, input);
    const edited = await updateArticle(editor, {
      ...input,
      headline: `${input.headline}, updated`,
      id: created.id,
      version: created.version,
    });
    const [, first] = await listRevisions(editor, created.id);
    // As a revision written before the field was there holds it: without the key.
    const { language, ...before } = (await db.revision.findUniqueOrThrow({ where: { id: first!.id } })).snapshot as Record<string, unknown>;
    expect(language).toBe("cy");
    await db.revision.update({ where: { id: first!.id }, data: { snapshot: before as never } });
    await restoreRevision(editor, { articleId: created.id, revisionId: first!.id, version: edited.version });
    expect(await db.article.findUniqueOrThrow({ where: { id: created.id }, select: { headline: true, language: true } })).toEqual({
      headline: input.headline,
      language: "cy",
    });
  });

  it("refuses a tag that is none with the settings' message, and saves nothing", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id, { language: "Welsh language" });
    const error = await expectAppError(createArticle(editor, input), "invalid");
    expect(error.fieldErrors?.language).toEqual([LANGUAGE_MESSAGE]);
    expect(await db.article.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("is what its page, card, feed item, news sitemap entry and API say, while the site's stories stay in the site's", async () => {
    const site = await readSiteSettings();
    expect(site.language).toBe("en");
    const publish = async (language?: string) => {
      const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { language }));
      await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
      return story;
    };
    const welsh = await publish("cy");
    const english = await publish();

    const article = (await getPublishedArticleBySlug(welsh.slug))!;
    expect(storyLanguage(article, site)).toBe("cy");
    expect(newsArticleJsonLd(article, site.siteName, site.language).inLanguage).toBe("cy");
    expect(newsArticleJsonLd((await getPublishedArticleBySlug(english.slug))!, site.siteName, site.language).inLanguage).toBe("en");
    const cards = await listPublishedArticles({ limit: 50 });
    expect(cards.find((c) => c.id === welsh.id)?.language).toBe("cy");

    const feed = parser.parse(await buildRssFeed()).rss.channel;
    expect(feed.language).toBe("en");
    const items = [feed.item].flat() as { guid: { "#text": string }; "dc:language"?: string }[];
    const itemOf = (id: string) => items.find((i) => i.guid["#text"].endsWith(id));
    expect(itemOf(welsh.id)?.["dc:language"]).toBe("cy");
    expect(itemOf(english.id)?.["dc:language"]).toBeUndefined();

    const news = [parser.parse(await buildNewsSitemap()).urlset.url].flat() as {
      loc: string;
      "news:news": { "news:publication": { "news:language": string } };
    }[];
    const newsLanguage = (slug: string) => news.find((u) => u.loc.endsWith(`/${slug}`))?.["news:news"]["news:publication"]["news:language"];
    expect(newsLanguage(welsh.slug)).toBe("cy");
    expect(newsLanguage(english.slug)).toBe("en");

    expect((await getPublicStoryById(welsh.id))!.language).toBe("cy");
    expect((await getPublicStoryById(english.id))!.language).toBe("en");
    const listed = (await listPublicStories(storyListQuerySchema.parse({ section: bits.section.slug, limit: "100" }))).data;
    expect(listed.find((s) => s.id === welsh.id)?.language).toBe("cy");
    expect(listed.find((s) => s.id === english.id)?.language).toBe("en");
  });
});
