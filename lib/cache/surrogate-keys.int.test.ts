import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { ArticleStatus } from "../generated/prisma/enums";
import { expireByline, expireEverything, expireSection, expireStoriesShowing, withPublicRefresh } from "./invalidation";
import { uid } from "../test/factories";
import { surrogateKeys } from "./surrogate-keys";
import { storyKeys } from "../api/keys";

// The tags each kind of change really expires (lib/cache/invalidation.ts, against the database)
// must meet the surrogate keys of every page that shows what changed, and of no unrelated page.

const id = uid();
const X = `world-${id}`;
const OTHER = `sport-${id}`;
const Y = `byline-${id}`;
const Z = `tag-${id}`;
const story = `story-${id}`;
const unrelated = `unrelated-${id}`;
let storyId = "";
let sectionId = "";
let authorId = "";
let imageId = "";

const showing = [
  `/${X}/${story}`,
  "/",
  `/${X}`,
  `/${X}/p/2`,
  `/authors/${Y}`,
  `/tags/${Z}`,
  "/feed.xml",
  `/${X}/feed.xml`,
  "/sitemap.xml",
  "/sitemaps/articles-2026-12.xml",
  "/news-sitemap.xml",
];
const notShowing = [`/${OTHER}`, `/${OTHER}/${unrelated}`, `/${OTHER}/p/2`, `/authors/other-${id}`, `/tags/other-${id}`];
const everyPage = [...showing, ...notShowing, `/${OTHER}/feed.xml`];

/** The pages among `paths` whose keys meet `expired`. */
const purged = (expired: string[], paths: string[]) => paths.filter((path) => surrogateKeys(path)!.some((key) => expired.includes(key)));

async function expiredBy(change: (expire: (tag: string) => void) => Promise<unknown> | void): Promise<string[]> {
  const expired: string[] = [];
  await change((tag) => expired.push(tag));
  return expired;
}

beforeAll(async () => {
  const section = await db.section.create({ data: { name: "World", slug: X } });
  const other = await db.section.create({ data: { name: "Sport", slug: OTHER } });
  const author = await db.author.create({ data: { name: "A Byline", slug: Y } });
  const otherAuthor = await db.author.create({ data: { name: "Another", slug: `other-${id}` } });
  const tag = await db.tag.create({ data: { name: "A tag", slug: Z } });
  const otherTag = await db.tag.create({ data: { name: "Other tag", slug: `other-${id}` } });
  const image = await db.image.create({
    data: { storageKey: `k-${id}`, sha256: `sha-${id}`, mimeType: "image/jpeg", width: 10, height: 10, bytes: 100 },
  });
  const article = await db.article.create({
    data: {
      slug: story,
      headline: "The story",
      body: { type: "doc", content: [] },
      sectionId: section.id,
      authors: { create: [{ authorId: author.id }] },
      tags: { create: [{ tagId: tag.id }] },
    },
  });
  await db.article.create({
    data: {
      slug: unrelated,
      headline: "Unrelated",
      body: { type: "doc", content: [] },
      status: ArticleStatus.PUBLISHED,
      publishedAt: new Date(),
      firstPublishedAt: new Date(),
      sectionId: other.id,
      authors: { create: [{ authorId: otherAuthor.id }] },
      tags: { create: [{ tagId: otherTag.id }] },
    },
  });
  await db.articleImage.create({ data: { articleId: article.id, imageId: image.id } });
  storyId = article.id;
  sectionId = section.id;
  authorId = author.id;
  imageId = image.id;
});

describe("a change purges exactly the cached pages that show it", () => {
  it("publish of a story in section X with byline Y and tag Z: its article, the front, X, Y's and Z's pages, feeds and sitemaps", async () => {
    const expired = await expiredBy((expire) =>
      withPublicRefresh(
        storyId,
        () =>
          db.article.update({
            where: { id: storyId },
            data: { status: ArticleStatus.PUBLISHED, publishedAt: new Date(), firstPublishedAt: new Date() },
          }),
        expire,
      ),
    );
    expect(purged(expired, showing)).toEqual(showing);
    expect(purged(expired, notShowing)).toEqual([]);
  });

  it("an edit of the live story's byline: every page that shows the story", async () => {
    const expired = await expiredBy((expire) => expireByline(authorId, expire));
    expect(purged(expired, showing)).toEqual(showing);
    expect(purged(expired, notShowing)).toEqual([]);
  });

  it("a change to a photo the story shows: every page that shows the story", async () => {
    const expired = await expiredBy((expire) => expireStoriesShowing(imageId, expire));
    expect(purged(expired, showing)).toEqual(showing);
    expect(purged(expired, notShowing)).toEqual([]);
  });

  it("a section renamed: every page that lists the sections (all but robots.txt)", async () => {
    const expired = await expiredBy((expire) => expireSection(sectionId, [X], expire));
    expect(purged(expired, everyPage)).toEqual(everyPage);
  });

  it("the settings: every page, feeds, sitemaps and robots.txt included", async () => {
    const expired = await expiredBy((expire) => expireEverything(expire));
    expect(purged(expired, [...everyPage, "/robots.txt"])).toEqual([...everyPage, "/robots.txt"]);
  });

  it("the settings: a story's content API answer too, which carries the stories' language", async () => {
    const expired = await expiredBy((expire) => expireEverything(expire));
    expect(storyKeys({ slug: story, section: { slug: X } }).filter((key) => expired.includes(key))).not.toEqual([]);
  });

  it("an edit of a draft: only its own address (a reader may have asked for it)", async () => {
    const draft = await db.article.create({
      data: { slug: `draft-${id}`, headline: "Draft", body: { type: "doc", content: [] }, sectionId },
    });
    const expired = await expiredBy((expire) =>
      withPublicRefresh(draft.id, () => db.article.update({ where: { id: draft.id }, data: { headline: "Draft 2" } }), expire),
    );
    expect(purged(expired, [...everyPage, `/${X}/draft-${id}`])).toEqual([`/${X}/draft-${id}`]);
  });
});
