import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { makePhoto } from "../test/images";
import { createImage } from "../media/ingest";
import { createTag } from "../taxonomy";
import { listSections } from "../sections";
import { bodyFromParagraphs } from "./body";
import { addCorrection, createArticle, transitionArticle, updateArticle } from "./mutations";
import { getArticlePreview, listRelatedArticles, resolveRedirect } from "./queries";
import Database from "better-sqlite3";
import { databaseFilePath } from "../db/sqlite";
import { readPublishedArticle, readRedirect, readRelatedArticles, readSections } from "./public-reads";
import { readConsistently } from "../db/read-only";

// The public page's hand-written SQL must answer exactly what the Prisma queries answer.
let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;
let renamedFrom: string;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
  const second = await db.author.create({ data: { name: `Second ${uid()}`, slug: `second-${uid()}`, title: "Staff photographer" } });
  const [hero, inline] = await Promise.all([
    createImage(editor, await makePhoto("jpeg", 1600, 1000, 7), { altText: "Library alt", caption: "Library caption", credit: "Ana Lee", agency: "Wire" }),
    createImage(editor, await makePhoto("jpeg", 900, 600, 8), { altText: "Inline alt", caption: "Inline caption", credit: "Bo Kim" }),
  ]);
  const tags = await Promise.all(["Zebra crossings", "Apples", "Mid"].map((name) => createTag(editor, { name: `${name} ${uid()}` })));
  const body = bodyFromParagraphs(["“First,” she said.", "Second."]);
  body.content.splice(1, 0, { type: "image", attrs: { imageId: inline.id, caption: "Placed caption" } } as never);

  // A story with everything: two bylines, tags, a hero with overrides, an inline photo, sources, corrections, an old slug.
  const fields = readyArticleInput(bits.section.id, bits.author.id, {
    authorIds: [second.id, bits.author.id],
    tagIds: tags.map((t) => t.id),
    body,
    hero: { imageId: hero.id, caption: "Story caption", agency: "Other Agency" },
    sources: [
      { url: "https://example.org/a", title: "Report", publisher: "Agency", kind: "DOCUMENT" },
      { url: "https://example.org/b", title: "Interview", note: "By phone" },
    ],
    seoTitle: "SEO title",
    seoDescription: "SEO description",
  });
  const full = await createArticle(editor, fields);
  const live = await transitionArticle(editor, { id: full.id, version: full.version, to: "PUBLISHED" });
  const fixed = await addCorrection(editor, { articleId: full.id, version: live.version, kind: "CORRECTION", text: "First fix." });
  const clarified = await addCorrection(editor, { articleId: full.id, version: fixed.version, kind: "CLARIFICATION", text: "Second fix." });
  renamedFrom = full.slug;
  await updateArticle(editor, {
    ...fields,
    slug: `renamed-${uid()}`,
    id: full.id,
    version: clarified.version,
  });
  // Neighbours for related stories: same section, and another section sharing one tag.
  const other = await makeNewsroomBits();
  for (const input of [
    readyArticleInput(bits.section.id, bits.author.id),
    readyArticleInput(other.section.id, other.author.id, { tagIds: [tags[1]!.id] }),
    readyArticleInput(other.section.id, other.author.id),
  ]) {
    const story = await createArticle(editor, input);
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
  }
  // A story that is not live answers null in both.
  await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
});

describe("the public article page's SQL reads", () => {
  it("answer what the Prisma queries answer, for every story in the database", async () => {
    const all = await db.article.findMany({ select: { id: true, slug: true, status: true } });
    expect(all.length).toBeGreaterThanOrEqual(5);
    const admin = await makeUser("ADMIN");
    for (const { id, slug, status } of all) {
      const fast = readPublishedArticle(slug);
      if (status !== "PUBLISHED") {
        expect(fast, slug).toBeNull();
        continue;
      }
      const preview = (await getArticlePreview(admin, id))!;
      expect({ ...fast, status: preview.status }, slug).toEqual(preview);
      expect(readRelatedArticles(fast!), slug).toEqual(await listRelatedArticles(fast!));
    }
  });

  it("carry every part of a full story", async () => {
    const story = await db.article.findFirstOrThrow({ where: { redirects: { some: { fromSlug: renamedFrom } } }, select: { slug: true } });
    const article = readPublishedArticle(story.slug)!;
    expect(article.authors).toHaveLength(2);
    expect(article.authors[0]!.title).toBe("Staff photographer");
    expect(article.tags.map((t) => t.name.split(" ")[0])).toEqual(["Apples", "Mid", "Zebra"]);
    expect(article.hero).toMatchObject({ caption: "Story caption", creditLine: "Ana Lee/Other Agency", alt: "Library alt" });
    expect([...article.figures.values()].map((f) => [f.caption, f.creditLine])).toEqual([["Placed caption", "Bo Kim"]]);
    expect(article.sources.map((s) => [s.title, s.kind])).toEqual([["Report", "DOCUMENT"], ["Interview", "OTHER"]]);
    expect(article.corrections.map((c) => c.text)).toEqual(["First fix.", "Second fix."]);
    expect(article.corrections[0]!.createdAt).toBeInstanceOf(Date);
    expect(article.seoTitle).toBe("SEO title");
    // The same-section story and the other section's story sharing a tag; not the unrelated one.
    expect(readRelatedArticles(article)).toHaveLength(2);
  });

  it("follow an old slug only to a live story", async () => {
    expect(readRedirect(renamedFrom)).toBe(await resolveRedirect(renamedFrom));
    expect(readRedirect(renamedFrom)).toMatch(new RegExp(`^/${bits.section.slug}/renamed-`));
    expect(readRedirect("no-such-slug")).toBeNull();
  });

  it("list the sections in masthead order", async () => {
    expect(readSections()).toEqual(await listSections());
  });

  it("see one committed state throughout a page, even when a save lands in the middle", async () => {
    const { slug } = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true } });
    const before = readPublishedArticle(slug)!.headline;
    const writer = new Database(databaseFilePath());
    try {
      const [first, second] = readConsistently(() => {
        const first = readPublishedArticle(slug)!.headline;
        writer.prepare("UPDATE Article SET headline = ? WHERE slug = ?").run(`${before} (changed)`, slug);
        return [first, readPublishedArticle(slug)!.headline];
      });
      expect([first, second]).toEqual([before, before]);
      expect(readPublishedArticle(slug)!.headline).toBe(`${before} (changed)`);
    } finally {
      writer.prepare("UPDATE Article SET headline = ? WHERE slug = ?").run(before, slug);
      writer.close();
    }
  });
});
