import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db";
import type { Viewer } from "../../auth/viewer";
import { bodySchema } from "../../articles/body";
import { bodyToHtml } from "../../articles/body-html";
import { makePhoto } from "../../test/images";
import { makeUser, uid } from "../../test/factories";
import { resolveOldPath } from "../redirects";
import { updateImageMetadata } from "../../media/library";
import { mediaStore } from "../../media/store";
import { importWordPress, type ImportReport } from "./run";
import { readWxr } from "./wxr";
import { siteExport } from "../../test/wxr-site";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "harrow-point.wxr.xml");
const SOURCE = "https://harrow.example";

let admin: Viewer;
let uploads: string;
let first: ImportReport;

/** The fixture with another site's address: a separate import into the same database. */
function fixtureFor(site: string, edit: (xml: string) => string = (x) => x): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "export.xml");
  fs.writeFileSync(file, edit(fs.readFileSync(FIXTURE, "utf8").replaceAll("harrow.example", site)));
  return file;
}

/**
 * A WordPress uploads folder of the test's own, each file under 2026/11 a JPEG of the given
 * width, height and seed (a different seed makes a different file: Image rows dedupe by hash).
 */
async function ownUploads(files: Record<string, [width: number, height: number, seed: number]>): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wp-uploads-"));
  fs.mkdirSync(path.join(dir, "2026/11"), { recursive: true });
  for (const [name, [width, height, seed]] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, "2026/11", name), await makePhoto("jpeg", width, height, seed));
  }
  return dir;
}

/**
 * Four exports of one site (its post 106 under the slug `name`), each item with a meta field of
 * its own: no import finds a post as it has it.
 */
function editions(name: string): string[] {
  return [1, 2, 3, 4].map((n) =>
    fixtureFor(`${name}.example`, (xml) =>
      xml
        .replace("<wp:post_name><![CDATA[a-doctors-view]]></wp:post_name>", `<wp:post_name><![CDATA[${name}]]></wp:post_name>`)
        .replaceAll(
          "<wp:post_type>",
          `<wp:postmeta><wp:meta_key>edition</wp:meta_key><wp:meta_value>${n}</wp:meta_value></wp:postmeta><wp:post_type>`,
        ),
    ),
  );
}

/** Post 106 with a reference to note "n-1" in its text, and `footnotes` (JSON) as its footnotes meta. */
function footnoted(xml: string, footnotes: string): string {
  return xml
    .replace(
      "<p>Moving the clinic is overdue.</p>",
      '<!-- wp:paragraph --><p>Moving the clinic is overdue.<sup data-fn="n-1" class="fn"><a href="#n-1" id="n-1-link">1</a></sup></p><!-- /wp:paragraph --><!-- wp:footnotes /-->',
    )
    .replace(
      '<category domain="category" nicename="news"><![CDATA[News]]></category>\n\t\t<category domain="author" nicename="cap-amira-solberg">',
      `<wp:postmeta><wp:meta_key><![CDATA[footnotes]]></wp:meta_key><wp:meta_value><![CDATA[${footnotes}]]></wp:meta_value></wp:postmeta>$&`,
    );
}

const WRITTEN_MEANWHILE =
  "Another import of this site wrote it at the same time, from another export: import this export again to bring its changes.";

async function storyOf(wordpressId: string, source = SOURCE) {
  const mapping = await db.importMapping.findUnique({
    where: { source_kind_externalId: { source, kind: "post", externalId: wordpressId } },
  });
  if (!mapping) return null;
  return db.article.findUnique({
    where: { id: mapping.entityId },
    include: {
      section: true,
      tags: { include: { tag: true } },
      authors: { include: { author: true }, orderBy: { position: "asc" } },
      images: { include: { image: true }, orderBy: [{ role: "asc" }, { position: "asc" }] },
    },
  });
}

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  uploads = await ownUploads({ "harrow-point-harbour.jpg": [1200, 800, 1], "quay.jpg": [900, 600, 2] });
  fs.writeFileSync(path.join(uploads, "2026/11/council-minutes.pdf"), "%PDF-1.4 not a photo");
  first = await importWordPress({ file: FIXTURE, uploadsDir: uploads, actor: admin });
}, 120_000);

describe("the WXR reader", () => {
  it("streams the export's site, bylines, terms and items in order", async () => {
    const types: string[] = [];
    // A tiny chunk size: every element is cut across chunks somewhere.
    for await (const event of readWxr(FIXTURE, { highWaterMark: 64 }))
      types.push(event.type === "term" ? `term:${event.term.taxonomy}` : event.type);
    expect(types.slice(0, 8)).toEqual([
      "site",
      "author",
      "author",
      "term:category",
      "term:category",
      "term:category",
      "term:post_tag",
      "term:post_tag",
    ]);
    expect(types.filter((t) => t === "item")).toHaveLength(15);
  });

  it("reads an export with a control character XML forbids in one post (a vertical tab pasted from Word) as a line break", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "vtab.xml");
    const source = fs.readFileSync(FIXTURE, "utf8");
    const at = source.indexOf("<content:encoded><![CDATA[") + "<content:encoded><![CDATA[".length;
    fs.writeFileSync(file, `${source.slice(0, at)}First line\vsecond line\u0001 ${source.slice(at)}`);
    const contents: string[] = [];
    for await (const event of readWxr(file)) if (event.type === "item") contents.push(event.item.content);
    expect(contents).toHaveLength(15);
    expect(contents.some((c) => c.startsWith("First line\nsecond line "))).toBe(true);
  });

  it("reads references to characters XML forbids (&#11; pasted from Word) as those characters on the desk: a line break, or nothing (the archive was refused)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "references.xml");
    const source = fs.readFileSync(FIXTURE, "utf8");
    fs.writeFileSync(
      file,
      source.replace(
        "<title><![CDATA[A doctor’s view of the move]]></title>",
        "<title>A doctor’s&#11;view&#x1; of&#0; the&#xfffe; move&#x0C;&#65;&#38;#11;&#xD800;</title>",
      ),
    );
    // A tiny chunk size as well: a reference is cut across chunks somewhere.
    for (const highWaterMark of [256 * 1024, 5]) {
      const titles: string[] = [];
      for await (const event of readWxr(file, { highWaterMark })) if (event.type === "item") titles.push(event.item.title);
      expect(titles).toHaveLength(15);
      // A character XML allows, written as a reference, is kept as it was (and &#38;#11; is the text "&#11;").
      expect(titles).toContain("A doctor’s\nview of the move\nA&#11;");
    }
  });

  it("still reads no DTD: an entity declared in one is refused, not expanded", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "dtd.xml");
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "&#11;boom&#11;">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&boom;</title></item></channel></rss>`,
    );
    const read = async () => {
      for await (const event of readWxr(file)) void event;
    };
    await expect(read()).rejects.toThrow("The file is not well-formed XML (");
  });

  it("stops reading at the first element nested too deep (100,000 levels froze each process that took the job for hours)", async () => {
    // From a security probe. 48 levels (well past any export's 6) are read; 49 are not.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "deep.xml");
    const nested = (n: number) =>
      `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>${"<a>".repeat(n - 2)}${"</a>".repeat(n - 2)}</channel></rss>`;
    fs.writeFileSync(file, nested(100_000));
    const read = async () => {
      for await (const event of readWxr(file)) void event;
    };
    await expect(read()).rejects.toThrow("The file nests more than 48 elements deep; a WordPress export nests about 6.");
    fs.writeFileSync(file, nested(48));
    await expect(read()).resolves.toBeUndefined();
    fs.writeFileSync(file, nested(49));
    await expect(read()).rejects.toThrow("nests more than 48");
  });

  it("refuses a file that is not an export, with a sentence", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "bad.xml");
    fs.writeFileSync(file, "<html><body>not an export</body></html>");
    await expect(importWordPress({ file, uploadsDir: null, actor: admin })).rejects.toThrow("This is not a WordPress export");
    fs.writeFileSync(file, "<rss><channel><item><title>cut");
    await expect(importWordPress({ file, uploadsDir: null, actor: admin })).rejects.toThrow(/not well-formed XML|names no site/);
  });
});

describe("WordPress import", () => {
  it("counts what it did, per type", () => {
    expect(first.counts.stories).toEqual({ created: 8, updated: 0, unchanged: 0, skipped: 1 });
    expect(first.counts.photos).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 2 });
    expect(first.counts.bylines.created).toBe(3);
    expect(first.counts.sections.created + first.counts.sections.unchanged).toBe(2);
    expect(first.counts.redirects).toBeGreaterThan(10);
    expect(first.statuses).toMatchObject({
      publish: { count: 4 },
      draft: { count: 1 },
      pending: { count: 1 },
      future: { count: 1 },
      private: { count: 1 },
      trash: { count: 1 },
    });
  });

  it("publishes the wire-shaped post with its original dates, curly quotes, ellipsis, section, tags, byline and credited photo", async () => {
    const story = await storyOf("100");
    expect(story).toMatchObject({
      status: "PUBLISHED",
      headline: "Harrow Point’s council votes to move inland: “The sea has already decided”",
      slug: "the-sea-has-already-decided",
      dek: "After a third winter of flooding, the coastal council approved a 20-year plan to relocate 1,400 homes…",
      seoDescription: "Harrow Point votes for managed retreat.",
    });
    expect(story!.firstPublishedAt?.toISOString()).toBe("2026-11-25T06:30:00.000Z");
    expect(story!.publishedAt?.toISOString()).toBe("2026-11-25T06:30:00.000Z");
    expect(story!.contentUpdatedAt?.toISOString()).toBe("2026-11-25T09:15:00.000Z");
    // "harbour" is a child of "coast": the section is the top-level one, the child a tag.
    expect(story!.section?.slug).toBe("coast");
    expect(story!.tags.map((t) => t.tag.slug).sort()).toEqual(["council", "flooding", "harbour"]);
    expect(story!.authors.map((a) => a.author.name)).toEqual(["Ruth Marsh"]);
    const hero = story!.images.find((i) => i.role === "HERO")!;
    expect(hero.image).toMatchObject({
      credit: "Elena Marsh/Northern Wire Photo",
      caption: "Residents walk along the flooded harbour road in Harrow Point during a storm surge in January.",
      altText: "People in rain jackets walk along a harbour road covered by shallow floodwater.",
      copyright: "© 2026 Northern Wire Photo",
    });
    expect(story!.bodyText).toContain("“What we decide tonight is whether we move on our own timetable … or on the water’s.”");
  });

  it("converts Gutenberg blocks to the body document: links, headings, lists, photos, quotes, embeds", async () => {
    const story = await storyOf("100");
    const body = bodySchema.parse(story!.body);
    expect(body.content.map((b) => b.type)).toEqual([
      "paragraph",
      "paragraph",
      "heading",
      "bulletList",
      "image",
      "blockquote",
      "embed",
      "paragraph",
    ]);
    expect(body.content[0]).toMatchObject({
      content: [
        { type: "text" },
        { type: "text", text: "Cardell Coast", marks: [{ type: "link", attrs: { href: "https://harrow.example/category/coast/" } }] },
        { type: "text" },
      ],
    });
    expect(body.content[2]).toEqual({
      type: "heading",
      attrs: { level: 2 },
      content: [
        { type: "text", text: "What the plan " },
        { type: "text", text: "does", marks: [{ type: "italic" }] },
      ],
    });
    const list = body.content[3] as { content: { content: { type: string }[] }[] };
    expect(list.content[1]!.content.map((c) => c.type)).toEqual(["paragraph", "bulletList"]);
    const quay = await db.importMapping.findUniqueOrThrow({
      where: { source_kind_externalId: { source: SOURCE, kind: "attachment", externalId: "11" } },
    });
    expect(body.content[4]).toEqual({ type: "image", attrs: { imageId: quay.entityId, caption: "The old quay at low tide." } });
    expect(body.content[6]).toEqual({ type: "embed", attrs: { url: "https://www.youtube.com/watch?v=abc123" } });
    // The photo without alt text or credit is published and reported, not refused.
    const warnings = first.warnings.filter((w) => w.id === "100").map((w) => w.message);
    expect(warnings).toContain("Published without alt text for every photo in the body.");
    expect(warnings).toContain("Published without a credit for every photo in the body.");
    expect(warnings.some((w) => w.includes("latest-posts"))).toBe(true);
  });

  it("converts classic HTML and shortcodes; what has no place is kept as text and listed, scripts never", async () => {
    const story = await storyOf("101");
    expect(story).toMatchObject({ status: "DRAFT", slug: "clinic-moves-first", headline: "Clinic moves first" });
    const body = bodySchema.parse(story!.body);
    expect(body.content.map((b) => b.type)).toEqual(["paragraph", "paragraph", "image", "embed", "paragraph", "paragraph", "paragraph"]);
    expect(body.content[1]).toMatchObject({
      content: [{ text: "It was flooded in January." }, { type: "hardBreak" }, { text: "Water reached the ground floor." }],
    });
    expect(body.content[2]).toMatchObject({
      type: "image",
      attrs: { caption: "The harbour road in January.", alt: "Flooded harbour road" },
    });
    expect(body.content[3]).toEqual({ type: "embed", attrs: { url: "https://twitter.com/harrowcouncil/status/1234" } });
    expect(story!.bodyText).toContain('[gallery ids="10,11"]');
    expect(story!.bodyText).toContain("Year | Homes");
    expect(JSON.stringify(story!.body)).not.toContain("alert");
    const notes = first.warnings.filter((w) => w.id === "101").map((w) => w.message);
    expect(notes).toContain("A <table> was kept as plain text.");
    expect(notes).toContain("<script> content was left out.");
    // Readers see it as text; the report said nothing of it.
    expect(notes).toContain("A shortcode was kept as plain text: [gallery].");
    expect(notes).toContain("Its export has no UTC date; its local date was read as UTC.");
  });

  it("maps pending, future and private posts, reports trash and pages, and keeps as drafts the posts that cannot go live here (they were skipped)", async () => {
    expect((await storyOf("102"))?.status).toBe("IN_REVIEW");
    const future = await storyOf("103");
    expect(future?.status).toBe("SCHEDULED");
    expect(future?.scheduledFor?.toISOString()).toBe("2099-04-01T08:00:00.000Z");
    expect((await storyOf("104"))?.status).toBe("DRAFT");
    expect(await storyOf("105")).toBeNull();
    // A title longer than a headline may be: cut at a word, and a draft until an editor shortens it.
    const long = await storyOf("107");
    expect(long).toMatchObject({ status: "DRAFT", slug: "too-long" });
    expect(long!.headline.length).toBeLessThanOrEqual(200);
    expect(long!.headline).toMatch(/^This headline goes on and on( and on)+…$/);
    // Published in WordPress with no text: a draft with its title, saying what it needs.
    expect(await storyOf("108")).toMatchObject({ status: "DRAFT", headline: "Empty post", slug: "empty-post" });
    const reasons = Object.fromEntries(first.skipped.map((s) => [`${s.kind}:${s.id}`, s.reason]));
    expect(reasons["story:105"]).toContain("trash");
    expect(reasons["page:200"]).toContain("Dateline has no pages");
    expect(reasons["story:107"]).toBeUndefined();
    expect(reasons["story:108"]).toBeUndefined();
    const notes = (id: string) => first.warnings.filter((w) => w.id === id).map((w) => w.message);
    expect(notes("107")).toContain(
      "Its title is longer than a headline may be (200 characters): its headline is cut short until an editor shortens it. It is a draft here.",
    );
    expect(notes("108")).toContain("It was “publish” in WordPress but cannot go live here until it has a body. It is a draft here.");
    expect(reasons["photo:12"]).toContain("not a photo");
    expect(reasons["photo:13"]).toContain("not in the uploads folder");
  });

  it("keeps Co-Authors Plus guest bylines in their order", async () => {
    const story = await storyOf("106");
    expect(story?.authors.map((a) => a.author.name)).toEqual(["Dr. Amira Solberg", "Ruth Marsh"]);
    expect(story?.authors[0]!.author.bio).toBe("Runs the Harrow Point clinic.");
    expect(story?.section?.slug).toBe("news-section");
  });

  it("records every write as the admin's, and publishes through the desk's move", async () => {
    const story = await storyOf("100");
    const events = await db.auditEvent.findMany({ where: { entityId: story!.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["article.create", "article.published"]);
    expect(events.every((e) => e.actorId === admin.id)).toBe(true);
    expect(events[1]!.data).toMatchObject({ by: "wordpress-import", imported: { publishedAt: "2026-11-25T06:30:00.000Z" } });
    expect(await db.auditEvent.count({ where: { action: "import.wordpress.finish", actorId: admin.id } })).toBeGreaterThan(0);
  });

  it("answers the old addresses with the new ones", async () => {
    const story = await storyOf("100");
    const address = `/coast/${story!.slug}`;
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/")).toBe(address);
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided")).toBe(address);
    expect(await resolveOldPath("/?p=100")).toBe(address);
    expect(await resolveOldPath("/?p=100&utm_source=x")).toBe(address);
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/harrow-point-harbour/")).toBe(address);
    expect(await resolveOldPath("/?attachment_id=11")).toBe(address);
    expect(await resolveOldPath("/category/coast/")).toBe("/coast");
    expect(await resolveOldPath("/category/coast/harbour/")).toBe("/tags/harbour");
    expect(await resolveOldPath("/category/news/")).toBe("/news-section");
    expect(await resolveOldPath("/?cat=5")).toBe("/news-section");
    expect(await resolveOldPath("/tag/flooding/")).toBe("/tags/flooding");
    expect(await resolveOldPath("/author/rmarsh/")).toBe("/authors/rmarsh");
    // Feed readers subscribed to the old site's feeds (they answered 404): the site's and a category's.
    expect(await resolveOldPath("/feed/")).toBe("/feed.xml");
    expect(await resolveOldPath("/feed/atom/")).toBe("/feed.xml");
    expect(await resolveOldPath("/?feed=rss2")).toBe("/feed.xml");
    expect(await resolveOldPath("/?feed=atom&x=1")).toBe("/feed.xml");
    // A category's feed by query is its section's feed, not its page; comment feeds have none.
    const cat = (await db.pathRedirect.findFirstOrThrow({ where: { fromPath: { startsWith: "/?cat=" }, entityType: "Section" } })).fromPath;
    expect(await resolveOldPath(`${cat}&feed=rss2`)).toMatch(/^\/[a-z-]+\/feed\.xml$/);
    expect(await resolveOldPath(`/?feed=rss2&${cat.slice(2)}`)).toBe(await resolveOldPath(`${cat}&feed=rss2`));
    expect(await resolveOldPath("/?feed=comments-rss2")).toBeNull();
    expect(await resolveOldPath("/category/coast/feed/")).toBe("/coast/feed.xml");
    expect(await resolveOldPath("/category/news/feed/rss2/")).toBe("/news-section/feed.xml");
    expect(await resolveOldPath("/tag/flooding/feed/")).toBeNull();
    expect(await resolveOldPath("/category/nowhere/feed/")).toBeNull();
    // The AMP plugin's, embed and comment pages of a story, and later pages of a list, lead to the page (they answered 404).
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/amp/")).toBe(address);
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/embed/")).toBe(address);
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/comment-page-2/")).toBe(address);
    expect(await resolveOldPath("/category/coast/page/3/")).toBe("/coast");
    expect(await resolveOldPath("/tag/flooding/page/2")).toBe("/tags/flooding");
    expect(await resolveOldPath("/author/rmarsh/page/2/")).toBe("/authors/rmarsh");
    expect(await resolveOldPath("/page/4/")).toBe("/");
    expect(await resolveOldPath("/2026/11/25/never-was/amp/")).toBeNull();
    expect(await resolveOldPath("/category/nowhere/page/2/")).toBeNull();
    // A tag or byline no published story carries has no page (and its name is not for readers): no redirect to it.
    const unused = await db.tag.create({ data: { name: "Unused in Dateline", slug: `unused-${Date.now()}` } });
    await db.pathRedirect.create({
      data: { fromPath: `/tag/${unused.slug}`, entityType: "Tag", entityId: unused.id, source: "wordpress" },
    });
    expect(await resolveOldPath(`/tag/${unused.slug}/`)).toBeNull();
    // A draft is not a page readers may reach: no redirect to it.
    expect(await resolveOldPath("/2026/11/26/clinic-moves-first/")).toBeNull();
    expect(await resolveOldPath("/2026/11/25/never-was/")).toBeNull();
  });

  it("leaves x.jpg to the attachment that is x.jpg when another is x-scaled.jpg", async () => {
    const site = "scaled-clash.example";
    const own = await ownUploads({ "dune.jpg": [1000, 600, 95], "dune-scaled.jpg": [800, 600, 96] });
    const file = fixtureFor(site, (xml) =>
      xml
        .replaceAll("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[sc-")
        .replaceAll("2026/11/harrow-point-harbour.jpg", "2026/11/dune.jpg")
        .replaceAll("2026/11/quay", "2026/11/dune-scaled"),
    );
    await importWordPress({ file, uploadsDir: own, actor: admin });
    const widestOf = async (attachmentId: string) => {
      const mapping = await db.importMapping.findUniqueOrThrow({
        where: { source_kind_externalId: { source: `https://${site}`, kind: "attachment", externalId: attachmentId } },
      });
      const image = await db.image.findUniqueOrThrow({ where: { id: mapping.entityId } });
      return `/media/${image.sha256}-w${image.width}.jpg`;
    };
    expect(await resolveOldPath("/wp-content/uploads/2026/11/dune.jpg")).toBe(await widestOf("10"));
    expect(await resolveOldPath("/wp-content/uploads/2026/11/dune-scaled.jpg")).toBe(await widestOf("11"));
  });

  it("leads the old address of a photo's file, and of WordPress's smaller copies of it, to the photo as readers get it, while a published story shows it", async () => {
    const site = "photo-files.example";
    const own = await ownUploads({ "pier-at-dusk.jpg": [1200, 800, 93], "breakwater-scaled.jpg": [900, 600, 94] });
    // Slugs of its own: the posts' "-100" slugs are the crash test's.
    const file = fixtureFor(site, (xml) =>
      xml
        .replaceAll("harrow-point-harbour.jpg", "pier-at-dusk.jpg")
        .replaceAll("<wp:post_name><![CDATA[", "<wp:post_name><![CDATA[pf-")
        .replaceAll("2026/11/quay", "2026/11/breakwater")
        .replace("2026/11/breakwater.jpg]]></wp:attachment_url>", "2026/11/breakwater-scaled.jpg]]></wp:attachment_url>")
        .replace("<![CDATA[2026/11/breakwater.jpg]]>", "<![CDATA[2026/11/breakwater-scaled.jpg]]>"),
    );
    await importWordPress({ file, uploadsDir: own, actor: admin });
    const story = await storyOf("100", `https://${site}`);
    const photo = story!.images.find((i) => i.role === "HERO")!.image;
    const widest = `/media/${photo.sha256}-w1200.jpg`;
    expect(await resolveOldPath("/wp-content/uploads/2026/11/pier-at-dusk.jpg")).toBe(widest);
    expect(await resolveOldPath("/wp-content/uploads/2026/11/pier-at-dusk-300x200.jpg")).toBe(widest);
    expect(await resolveOldPath("/wp-content/uploads/2026/11/pier-at-dusk-scaled.jpg")).toBeNull();
    expect(await resolveOldPath("/wp-content/uploads/2026/11/pier-at-night-300x200.jpg")).toBeNull();
    // The file is there to be had.
    expect(await mediaStore.open(widest.slice("/media/".length))).not.toBeNull();

    // A big photo WordPress stored as x-scaled.jpg (the export's address): its original x.jpg, and
    // the smaller copies named after it, lead there too (only x-scaled.jpg did).
    const quay = await db.importMapping.findUniqueOrThrow({
      where: { source_kind_externalId: { source: `https://${site}`, kind: "attachment", externalId: "11" } },
    });
    const scaled = await db.image.findUniqueOrThrow({ where: { id: quay.entityId } });
    const scaledWidest = `/media/${scaled.sha256}-w900.jpg`;
    expect(await resolveOldPath("/wp-content/uploads/2026/11/breakwater-scaled.jpg")).toBe(scaledWidest);
    expect(await resolveOldPath("/wp-content/uploads/2026/11/breakwater.jpg")).toBe(scaledWidest);
    expect(await resolveOldPath("/wp-content/uploads/2026/11/breakwater-1024x683.jpg")).toBe(scaledWidest);

    // Taken down on the desk: the story is unpublished, and its photo's old address no longer leads to it.
    await db.article.update({ where: { id: story!.id }, data: { status: "DRAFT" } });
    expect(await resolveOldPath("/wp-content/uploads/2026/11/pier-at-dusk.jpg")).toBeNull();
  });

  it("collapses chains: a story renamed after the import is reached in one hop", async () => {
    const story = await storyOf("106");
    await db.article.update({ where: { id: story!.id }, data: { slug: "a-doctors-view-renamed" } });
    await db.redirect.create({ data: { fromSlug: story!.slug, articleId: story!.id } });
    expect(await resolveOldPath("/2026/11/27/a-doctors-view/")).toBe("/news-section/a-doctors-view-renamed");
    await db.redirect.deleteMany({ where: { articleId: story!.id } });
    await db.article.update({ where: { id: story!.id }, data: { slug: story!.slug } });
  });

  it("imports again without duplicating anything", async () => {
    const before = await Promise.all([
      db.article.count(),
      db.image.count(),
      db.section.count(),
      db.tag.count(),
      db.author.count(),
      db.pathRedirect.count(),
    ]);
    const again = await importWordPress({ file: FIXTURE, uploadsDir: uploads, actor: admin });
    const after = await Promise.all([
      db.article.count(),
      db.image.count(),
      db.section.count(),
      db.tag.count(),
      db.author.count(),
      db.pathRedirect.count(),
    ]);
    expect(after).toEqual(before);
    expect(again.counts.stories).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(again.counts.photos).toMatchObject({ created: 0, unchanged: 2 });
    // Every old address is still kept, and the report says so (it said 0: none was saved anew).
    expect(again.counts.redirects).toBe(first.counts.redirects);
    expect(again.counts.redirects).toBe(await db.pathRedirect.count({ where: { source: SOURCE } }));
  });

  it("updates a post changed in WordPress, and leaves one changed on the desk alone", async () => {
    const changed = fixtureFor("harrow.example", (xml) =>
      xml
        .replace("first public consultation in April.", "first public consultation in May.")
        .replace("The raised quay needs", "The raised quay still needs"),
    );
    const quay = await storyOf("102");
    await db.article.update({ where: { id: quay!.id }, data: { headline: "Quay funding: edited on the desk" } });
    const report = await importWordPress({ file: changed, uploadsDir: uploads, actor: admin });
    expect(report.counts.stories).toMatchObject({ created: 0, updated: 1 });
    const updated = await storyOf("100");
    expect(updated?.bodyText).toContain("first public consultation in May.");
    expect(updated?.status).toBe("PUBLISHED");
    expect(updated?.firstPublishedAt?.toISOString()).toBe("2026-11-25T06:30:00.000Z");
    expect((await storyOf("102"))?.headline).toBe("Quay funding: edited on the desk");
    expect(report.skipped.find((s) => s.id === "102")?.reason).toContain("changed in Dateline since the last import");
  });

  it("lets the server's other requests in between its posts (a page asked for while an import ran in its process waited until the import ended)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "export.xml");
    fs.writeFileSync(file, siteExport("turns", 29_000, 60));
    // A request arriving once the fifth post is written (its I/O callback, here setImmediate):
    // how many posts the import writes before it is let in.
    let stories = 0;
    let askedAt = 0;
    let answeredAt = 0;
    const report = await importWordPress({
      file,
      uploadsDir: null,
      actor: admin,
      onProgress: (p) => {
        if (p.phase !== "stories" || ++stories !== 5) return;
        askedAt = stories;
        setImmediate(() => (answeredAt = stories));
      },
    });
    expect(report.counts.stories.created).toBe(60);
    expect(answeredAt - askedAt).toBeLessThanOrEqual(1);
  });

  it("given an earlier try's report, lists its items' warnings once and counts those past the list's cap, and says again itself what it says of the whole export", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "export.xml");
    fs.writeFileSync(
      file,
      siteExport("carried", 29_200, 2).replace("<title><![CDATA[carried story 1]]></title>", "<title><![CDATA[]]></title>"),
    );
    const untitled = "It has no title: its headline is its first words until an editor writes one.";
    const report = await importWordPress({
      file,
      uploadsDir: null,
      actor: admin,
      earlier: {
        warnings: [
          { kind: "photo", id: "29200", title: "carried quay", message: "Its credit was read from its caption." },
          { kind: "story", id: "29210", title: "Paragraph 1 of the carried archive.", message: untitled },
          { kind: "export", id: "", title: "", message: "The import had finished before anyone asked it to stop." },
        ],
        more: { warnings: 7, skipped: 3 },
      },
    });
    expect(report.warnings.map((w) => `${w.kind} ${w.id}: ${w.message}`)).toEqual([
      "photo 29200: Its credit was read from its caption.",
      `story 29210: ${untitled}`,
    ]);
    expect(report.more).toEqual({ warnings: 7, skipped: 0 });
  });

  it("resumes after a crash mid-import, with nothing half-written or duplicated", async () => {
    const file = fixtureFor("crash.example");
    const source = "https://crash.example";
    let seen = 0;
    await expect(
      importWordPress({
        file,
        uploadsDir: uploads,
        actor: admin,
        onProgress: (p) => {
          if (p.phase === "stories" && ++seen === 3) throw new Error("power cut");
        },
      }),
    ).rejects.toThrow("power cut");
    const halfway = await db.importMapping.count({ where: { source, kind: "post" } });
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(8);
    const resumed = await importWordPress({ file, uploadsDir: uploads, actor: admin });
    expect(resumed.counts.stories.created + resumed.counts.stories.unchanged).toBe(8);
    expect(resumed.counts.stories.created).toBe(8 - halfway);
    const ids = (await db.importMapping.findMany({ where: { source, kind: "post" } })).map((m) => m.entityId);
    expect(new Set(ids).size).toBe(8);
    // Each story whole: its revision and bylines are there.
    for (const id of ids) {
      expect(await db.revision.count({ where: { articleId: id } })).toBeGreaterThan(0);
    }
    // Its slugs did not clash with the first site's stories.
    expect((await storyOf("100", source))?.slug).toBe("the-sea-has-already-decided-100");
  });

  it("announces none of its archive's stories to webhooks as published (a probe's receiver got one event per old post)", async () => {
    const hook = await db.webhook.create({
      data: { name: "Social poster", url: "https://hooks.example/in", events: JSON.stringify(["story.published"]), secret: "whsec_test" },
    });
    try {
      const report = await importWordPress({ file: fixtureFor("announce.example"), uploadsDir: uploads, actor: admin });
      expect(report.counts.stories.created).toBe(8);
      const live = await db.importMapping.findMany({
        where: { source: "https://announce.example", kind: "post" },
        select: { entityId: true },
      });
      expect(
        await db.auditEvent.count({ where: { entityId: { in: live.map((m) => m.entityId) }, action: "article.published" } }),
      ).toBeGreaterThan(0);
      expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    } finally {
      await db.webhook.delete({ where: { id: hook.id } });
    }
  });

  it("refuses anyone but an admin, and writes nothing", async () => {
    const editor = await makeUser("EDITOR");
    const before = await db.article.count();
    await expect(importWordPress({ file: fixtureFor("editor.example"), uploadsDir: uploads, actor: editor })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.article.count()).toBe(before);
  });

  it("leaves a photo changed on the desk alone, and brings back one deleted there (a changed export emptied a live photo's credit, or crashed)", async () => {
    const site = "photos.example";
    const source = `https://${site}`;
    const own = await ownUploads({ "harrow-point-harbour.jpg": [1200, 800, 91], "quay.jpg": [900, 600, 92] });
    await importWordPress({ file: fixtureFor(site), uploadsDir: own, actor: admin });
    const photoOf = async (attachmentId: string) => {
      const mapping = await db.importMapping.findUniqueOrThrow({
        where: { source_kind_externalId: { source, kind: "attachment", externalId: attachmentId } },
      });
      return db.image.findUnique({ where: { id: mapping.entityId } });
    };
    const harbour = (await photoOf("10"))!;
    const quay = (await photoOf("11"))!;
    // On the desk: the harbour photo's credit is corrected; the quay photo is taken out of its story and deleted.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateImageMetadata(admin, {
      id: harbour.id,
      caption: harbour.caption,
      altText: harbour.altText,
      credit: "Elena Marsh",
      agency: "Northern Wire Photo",
    });
    await db.articleImage.deleteMany({ where: { imageId: quay.id } });
    await db.image.delete({ where: { id: quay.id } });

    // WordPress's copy changes both attachments, emptying the harbour photo's credit and alt text.
    const changed = fixtureFor(site, (xml) =>
      xml
        .replace("<![CDATA[Elena Marsh/Northern Wire Photo]]>", "<![CDATA[]]>")
        .replace("<![CDATA[People in rain jackets walk along a harbour road covered by shallow floodwater.]]>", "<![CDATA[]]>")
        .replace(/s:6:"credit";s:11:"Elena Marsh";/, 's:6:"credit";s:0:"";')
        .replace("<title><![CDATA[quay]]></title>", "<title><![CDATA[quay, renamed]]></title>"),
    );
    const report = await importWordPress({ file: changed, uploadsDir: own, actor: admin });
    expect(report.skipped.find((s) => s.kind === "photo" && s.id === "10")?.reason).toContain("changed in Dateline since the last import");
    expect(await photoOf("10")).toMatchObject({ credit: "Elena Marsh", agency: "Northern Wire Photo", altText: harbour.altText });
    expect(harbour.altText).not.toBe("");
    const back = await photoOf("11");
    expect(back?.id).toBeTruthy();
    expect(back?.id).not.toBe(quay.id);
  });
});

describe("hostile content", () => {
  const SCRIPT = `<script>window.__pwned=1</script>`;
  const EVENT = `<img src=x onerror="window.__pwned=2">`;
  const PAYLOAD = `${SCRIPT} ${EVENT} "><svg onload=window.__pwned=3> ' onmouseover='window.__pwned=4' ]]><evil/> &amp; 👩🏽‍💻 e\u0301`;
  const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

  it("treats hostile text in every field as text", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wxr-"));
    const file = path.join(dir, "hostile.xml");
    const site = "https://hostile.example";
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>${site}</wp:base_site_url>
<wp:author><wp:author_login>evil</wp:author_login><wp:author_display_name>${esc(`Zoë ${PAYLOAD}`)}</wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>../../admin</wp:category_nicename><wp:cat_name>${esc(PAYLOAD)}</wp:cat_name></wp:category>
<wp:tag><wp:tag_slug>${esc("<b>x</b>")}</wp:tag_slug><wp:tag_name>${esc(PAYLOAD)}</wp:tag_name></wp:tag>
<item><title>hostile-photo</title><wp:post_id>1</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:post_parent>2</wp:post_parent>
<excerpt:encoded>${esc(PAYLOAD)}</excerpt:encoded><wp:attachment_url>${site}/wp-content/uploads/2026/11/quay.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2026/11/quay.jpg</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${esc(PAYLOAD)}</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_media_credit</wp:meta_key><wp:meta_value>${esc(`Ana ${SCRIPT}`)}</wp:meta_value></wp:postmeta></item>
<item><title>escape</title><wp:post_id>3</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>${site}/x.jpg</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>../../../../../etc/passwd.jpg</wp:meta_value></wp:postmeta></item>
<item><title>${esc(`“Quote” ${PAYLOAD}`)}</title><link>${esc(`${site}/2026/11/01/<script>/`)}</link><dc:creator>evil</dc:creator><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_date_gmt>2026-11-01 10:00:00</wp:post_date_gmt><wp:post_name>${esc("../../<script>")}</wp:post_name>
<content:encoded>${esc(`<p>${PAYLOAD}</p><p><a href="javascript:alert(1)">click</a> <a href="data:text/html,x">data</a> <a href="https://ok.example/?a=1&b=%22%3E">ok</a></p><iframe src="javascript:alert(2)"></iframe><p onclick="alert(3)">${SCRIPT}para</p><img src="${site}/wp-content/uploads/2026/11/quay.jpg" class="wp-image-1" onerror="alert(4)">`)}</content:encoded>
<excerpt:encoded>${esc(PAYLOAD)}</excerpt:encoded>
<category domain="category" nicename="../../admin">${esc(PAYLOAD)}</category><category domain="post_tag" nicename="${esc("<b>x</b>")}">${esc(PAYLOAD)}</category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta></item>
</channel></rss>`,
    );
    const report = await importWordPress({ file, uploadsDir: uploads, actor: admin });
    expect(report.counts.stories.created).toBe(1);
    const story = await storyOf("2", site);
    expect(story?.status).toBe("PUBLISHED");
    // Markup in a title or excerpt is WordPress HTML: its text is kept, never its tags.
    expect(story!.headline).toContain("“Quote”");
    expect(story!.headline).not.toMatch(/<script|<img|<svg|<evil/);
    expect(story!.slug).toMatch(/^[a-z0-9-]+$/);
    const body = bodySchema.parse(story!.body);
    const json = JSON.stringify(body);
    expect(json).not.toContain("javascript:");
    expect(json).not.toContain("data:text");
    expect(json).not.toContain("onclick");
    expect(json).not.toContain("__pwned=1");
    expect(json).toContain('"href":"https://ok.example/?a=1&b=%22%3E"');
    expect(story!.bodyText).toContain("para");
    expect(report.warnings.some((w) => w.message === "<svg> content was left out.")).toBe(true);
    expect(body.content.some((b) => b.type === "image")).toBe(true);
    // Plain-text fields keep every character, as text (the pages escape them).
    const hero = story!.images.find((i) => i.role === "HERO")!;
    expect(hero.image.altText).toBe(PAYLOAD.trim());
    expect(hero.image.credit).toBe(`Ana ${SCRIPT}`);
    expect(story!.section?.slug).toBe("admin-section");
    expect(story!.authors[0]!.author.name).toContain("Zoë");
    expect(story!.authors[0]!.author.name).not.toContain("<script");
    // The file outside the uploads folder was never read.
    expect(report.skipped.find((s) => s.id === "3")?.reason).toContain("not in the uploads folder");
    expect(report.warnings.some((w) => w.message.includes("javascript:alert(1)"))).toBe(true);
  });

  it("gives a Ukrainian site's story, section and tag addresses in Latin letters, from WordPress's percent-encoded slugs", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wxr-")), "kyiv.xml");
    const site = "https://kyiv.example";
    const enc = encodeURIComponent;
    fs.writeFileSync(
      file,
      `<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>${site}</wp:base_site_url><language>uk</language>
<wp:author><wp:author_login>olena</wp:author_login><wp:author_display_name>Олена Петренко</wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>${enc("новини").toLowerCase()}</wp:category_nicename><wp:cat_name>Новини</wp:cat_name></wp:category>
<wp:tag><wp:tag_slug>${enc("київ").toLowerCase()}</wp:tag_slug><wp:tag_name>Київ</wp:tag_name></wp:tag>
<item><title>Київ готується до зими</title><dc:creator>olena</dc:creator><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_date_gmt>2026-11-02 10:00:00</wp:post_date_gmt><wp:post_name>${enc("київ-готується-до-зими").toLowerCase()}</wp:post_name>
<content:encoded>&lt;p&gt;Місто готується.&lt;/p&gt;</content:encoded>
<category domain="category" nicename="${enc("новини").toLowerCase()}">Новини</category><category domain="post_tag" nicename="${enc("київ").toLowerCase()}">Київ</category></item>
<item><title>Kyiv prepares for winter</title><dc:creator>olena</dc:creator><wp:post_id>8</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_date_gmt>2026-11-02 10:00:00</wp:post_date_gmt><wp:post_name>kyiv-prepares-for-winter</wp:post_name>
<content:encoded>&lt;p&gt;The city is getting ready.&lt;/p&gt;</content:encoded>
<category domain="language" nicename="en">English</category></item>
</channel></rss>`,
    );
    const report = await importWordPress({ file, uploadsDir: uploads, actor: admin });
    expect(report.counts.stories.created).toBe(2);
    const story = (await storyOf("7", site))!;
    expect(story.slug).toBe("kiiv-gotuietsya-do-zimi");
    expect(story.section?.slug).toBe("novini");
    expect(story.tags.map((t) => [t.tag.name, t.tag.slug])).toEqual([["Київ", "kiiv"]]);
    // The WordPress site's language (its channel's <language>) is the story's: the page says
    // lang="uk". An en-GB export on an English site gives the site's (the first import's stories).
    expect(story.language).toBe("uk");
    expect(report.warnings.filter((w) => w.kind === "export").map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^The WordPress site is in Ukrainian \(uk\), not in this site's .+ \(.+\): its stories are in Ukrainian here\.$/,
      ),
    ]);
    expect((await storyOf("100"))!.language).toBeNull();
    // A multilingual site's English post (Polylang's "language" term): the site's English here.
    expect((await storyOf("8", site))!.language).toBeNull();
  });

  it("leaves another imported site's old addresses leading to its stories, and says so (a second site's import took them over)", async () => {
    const ours = await storyOf("100");
    const address = `/coast/${ours!.slug}`;
    const report = await importWordPress({ file: fixtureFor("second-site.example"), uploadsDir: uploads, actor: admin });
    expect(await resolveOldPath("/?p=100")).toBe(address);
    expect(await resolveOldPath("/2026/11/25/the-sea-has-already-decided/")).toBe(address);
    const held = report.warnings.find((w) => w.kind === "site");
    expect(held?.message).toMatch(
      /^\d+ old addresses of this site \(.+, …\) already led to https:\/\/harrow\.example's stories, pages or photos, imported before, and still do: addresses carry no host here\.$/,
    );
  });

  it("takes the desk's one byline of the same name for a WordPress author whose login is not its address, and says so (it made a second)", async () => {
    const site = "byname.example";
    const id = uid();
    const name = `Ruth Marsh ${id}`;
    const desk = await db.author.create({ data: { name, slug: `ruth-marsh-${id}` } });
    const report = await importWordPress({
      file: fixtureFor(site, (xml) => xml.replaceAll("Ruth Marsh", name).replaceAll("rmarsh", `rm${id}`)),
      uploadsDir: uploads,
      actor: admin,
    });
    expect(await db.author.count({ where: { name } })).toBe(1);
    const story = await storyOf("100", `https://${site}`);
    expect(story?.authors.map((a) => a.authorId)).toContain(desk.id);
    // A second site's author of that name is not taken for the first's: the byline is an import's now.
    await importWordPress({
      file: fixtureFor("byname-two.example", (xml) => xml.replaceAll("Ruth Marsh", name).replaceAll("rmarsh", `rx${id}`)),
      uploadsDir: uploads,
      actor: admin,
    });
    expect(await db.author.count({ where: { name } })).toBe(2);
    expect(report.warnings).toContainEqual({
      kind: "byline",
      id: `rm${id}`,
      title: name,
      message: `It was matched by name to the byline “${name}” already here: its WordPress login “rm${id}” is not that byline's address. If they are two people, make a byline for the WordPress author and move its stories to it.`,
    });
  });

  it("says when it takes a byline that is someone's desk account, however it matched (a probe's import went by unremarked)", async () => {
    const site = "account.example";
    const id = uid();
    const name = `Maria Okonkwo ${id}`;
    const writer = await makeUser("WRITER");
    await db.user.update({ where: { id: writer.id }, data: { name: `Maria O. ${id}` } });
    await db.author.create({ data: { name, slug: `mo${id}`, userId: writer.id } });
    const report = await importWordPress({
      file: fixtureFor(site, (xml) => xml.replaceAll("Ruth Marsh", name).replaceAll("rmarsh", `mo${id}`)),
      uploadsDir: uploads,
      actor: admin,
    });
    expect(report.warnings).toContainEqual({
      kind: "byline",
      id: `mo${id}`,
      title: name,
      message: `It was matched to the byline “${name}” already here (its address is the WordPress login “mo${id}”). That byline is the desk account of Maria O. ${id}, who can now edit its imported drafts. If they are two people, make a byline for the WordPress author and move its stories to it.`,
    });
  });

  it("says when a post trashed in WordPress since the last import is still live here (it said only “skipped”)", async () => {
    const site = "trashed.example";
    await importWordPress({ file: fixtureFor(site), uploadsDir: uploads, actor: admin });
    expect(await storyOf("100", `https://${site}`)).toMatchObject({ status: "PUBLISHED" });
    const trashed = (xml: string) =>
      xml.replace(
        "<wp:post_name><![CDATA[the-sea-has-already-decided]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]>",
        "<wp:post_name><![CDATA[the-sea-has-already-decided]]></wp:post_name>\n\t\t<wp:status><![CDATA[trash]]>",
      );
    expect(trashed(fs.readFileSync(FIXTURE, "utf8"))).toContain("<![CDATA[trash]]>");
    const again = await importWordPress({ file: fixtureFor(site, trashed), uploadsDir: uploads, actor: admin });
    expect(again.skipped.find((s) => s.id === "100")?.reason).toBe(
      "Its WordPress status is “trash”: skipped (in WordPress's trash). Its story here, from an earlier import, is still live: unpublish it on the desk if it should go too.",
    );
    // The import takes nothing down: the desk decides.
    expect(await storyOf("100", `https://${site}`)).toMatchObject({ status: "PUBLISHED" });
  });

  it("gives the same post of a third and fourth site a numbered slug of its own (it got a random ending nobody checked, and an import failed on it)", async () => {
    const name = `a-doctors-view-${Date.now().toString(36)}`;
    const slugs: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const site = `${name}-${n}.example`;
      await importWordPress({
        file: fixtureFor(site, (xml) =>
          xml.replace("<wp:post_name><![CDATA[a-doctors-view]]></wp:post_name>", `<wp:post_name><![CDATA[${name}]]></wp:post_name>`),
        ),
        uploadsDir: uploads,
        actor: admin,
      });
      slugs.push((await storyOf("106", `https://${site}`))!.slug);
    }
    expect(slugs).toEqual([name, `${name}-106`, `${name}-106-2`, `${name}-106-3`]);
  });

  it.each([
    ["uncategorized", "Uncategorized"],
    // A German site's.
    ["allgemein", "Allgemein"],
  ])(
    "puts a post still in WordPress's default category (%s) and another in the other's section, with nothing to check (it went by the first)",
    async (slug, name) => {
      const site = `${slug}.example`;
      const report = await importWordPress({
        file: fixtureFor(site, (xml) =>
          xml
            .replace(
              "\t<wp:category><wp:term_id>5</wp:term_id>",
              `\t<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[${slug}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[${name}]]></wp:cat_name></wp:category>\n\t<wp:category><wp:term_id>5</wp:term_id>`,
            )
            .replace(
              "<wp:post_id>106</wp:post_id>",
              `<wp:post_id>106</wp:post_id>\n\t\t<category domain="category" nicename="${slug}"><![CDATA[${name}]]></category>`,
            ),
        ),
        uploadsDir: uploads,
        actor: admin,
      });
      expect(report.sections.map((s) => s.category)).toContain(`/category/${slug}/`);
      expect((await storyOf("106", `https://${site}`))?.section?.name).toBe("News");
      expect(report.warnings.filter((w) => w.id === "106").map((w) => w.message)).not.toContainEqual(expect.stringContaining(name));
    },
  );

  it("gives the same post of two sites imported at once a slug each (both took the one slug they had found free, and one post failed)", async () => {
    const name = `a-doctors-view-${Date.now().toString(36)}`;
    const fileOf = (n: number) =>
      fixtureFor(`${name}-${n}.example`, (xml) =>
        xml.replace("<wp:post_name><![CDATA[a-doctors-view]]></wp:post_name>", `<wp:post_name><![CDATA[${name}]]></wp:post_name>`),
      );
    await importWordPress({ file: fileOf(1), uploadsDir: uploads, actor: admin });
    const reports = await Promise.all([2, 3].map((n) => importWordPress({ file: fileOf(n), uploadsDir: uploads, actor: admin })));
    for (const report of reports) expect(report.skipped.filter((s) => s.id === "106")).toEqual([]);
    const slugs = await Promise.all([2, 3].map(async (n) => (await storyOf("106", `https://${name}-${n}.example`))?.slug));
    expect(slugs.sort()).toEqual([`${name}-106`, `${name}-106-2`]);
  });

  it("makes one story of a post when one site's export is imported four times at once (on PostgreSQL the later ones made copies under other slugs)", async () => {
    const name = `a-doctors-view-${Date.now().toString(36)}`;
    const file = fixtureFor(`${name}.example`, (xml) =>
      xml.replace("<wp:post_name><![CDATA[a-doctors-view]]></wp:post_name>", `<wp:post_name><![CDATA[${name}]]></wp:post_name>`),
    );
    const reports = await Promise.all([1, 2, 3, 4].map(() => importWordPress({ file, uploadsDir: uploads, actor: admin })));
    expect(await db.article.findMany({ where: { slug: { startsWith: name } }, select: { slug: true } })).toEqual([{ slug: name }]);
    // Each story is counted as made by one of the four, and as already here by the others.
    const made = await db.importMapping.count({ where: { source: `https://${name}.example`, kind: "post" } });
    expect(reports.reduce((sum, r) => sum + r.counts.stories.created, 0)).toBe(made);
    for (const report of reports) expect(report.skipped.filter((s) => s.id === "106")).toEqual([]);
  });

  it("leaves a post to the import that wrote it when four different exports of one site are imported at once, and says so (the others counted it unchanged)", async () => {
    const name = `a-doctors-view-${Date.now().toString(36)}`;
    const files = editions(name);
    const reports = await Promise.all(files.map((file) => importWordPress({ file, uploadsDir: uploads, actor: admin })));
    expect(await db.article.findMany({ where: { slug: { startsWith: name } }, select: { slug: true } })).toEqual([{ slug: name }]);
    for (const report of reports) {
      expect(report.counts.stories.unchanged).toBe(0);
      for (const skipped of report.skipped.filter((s) => s.id === "106")) expect(skipped.reason).toBe(WRITTEN_MEANWHILE);
    }
  });

  it("updates a post from one of three other exports of its site imported at once after the first, and the others say another import wrote it (not the desk)", async () => {
    const name = `a-doctors-view-${Date.now().toString(36)}`;
    const files = editions(name);
    const [firstFile, ...others] = files;
    await importWordPress({ file: firstFile!, uploadsDir: uploads, actor: admin });
    // All three find the first one's story, from an export unlike theirs, and set out to update it.
    const reports = await Promise.all(others.map((file) => importWordPress({ file, uploadsDir: uploads, actor: admin })));
    // Each write is a version of its own: two that read one version both wrote the next (the later
    // overwrote the earlier unseen, as it would have a desk's save).
    const story = (await storyOf("106", `https://${name}.example`))!;
    const versions = (await db.revision.findMany({ where: { articleId: story.id }, select: { version: true } })).map((r) => r.version);
    expect(versions.length).toBe(new Set(versions).size);
    for (const report of reports)
      for (const skipped of report.skipped.filter((s) => s.id === "106")) expect(skipped.reason).toBe(WRITTEN_MEANWHILE);
    expect(reports.reduce((sum, r) => sum + r.counts.stories.updated, 0)).toBeGreaterThan(0);
  });

  it("imports a post nested 60,000 levels deep as its text, and every post after it (a probe's overflowed the stack and stopped the import)", async () => {
    const site = "deep.example";
    const deep = `${"<div>".repeat(60_000)}Moving the clinic is overdue.${"</div>".repeat(60_000)}`;
    const report = await importWordPress({
      file: fixtureFor(site, (xml) => xml.replace("<p>Moving the clinic is overdue.</p>", deep)),
      uploadsDir: uploads,
      actor: admin,
    });
    expect(report.counts.stories).toEqual(first.counts.stories);
    const story = await storyOf("106", `https://${site}`);
    expect(JSON.stringify(story?.body)).toContain("Moving the clinic is overdue.");
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        id: "106",
        message: "Its HTML nested more than 1000 levels deep: only its text and line breaks were kept.",
      }),
    );
  });

  it("keeps a post with no title as a draft headed by its first words (it was skipped)", async () => {
    const site = "untitled.example";
    const report = await importWordPress({
      file: fixtureFor(site, (xml) =>
        xml
          .replace("<title><![CDATA[A doctor’s view of the move]]></title>", "<title></title>")
          .replace(
            "<p>Moving the clinic is overdue.</p>",
            "<p>Moving the clinic is overdue, and everyone in Harrow Point has known it for years.</p>",
          ),
      ),
      uploadsDir: uploads,
      actor: admin,
    });
    const story = await storyOf("106", `https://${site}`);
    expect(story).toMatchObject({
      status: "DRAFT",
      headline: "Moving the clinic is overdue, and everyone in Harrow Point has known it for…",
    });
    expect(report.skipped.find((s) => s.id === "106")).toBeUndefined();
    expect(report.warnings.find((w) => w.id === "106" && w.message.startsWith("It has no title"))).toEqual({
      kind: "story",
      id: "106",
      title: "Moving the clinic is overdue, and everyone in Harrow Point has known it for…",
      message: "It has no title: its headline is its first words until an editor writes one. It is a draft here.",
    });
  });
});

describe("a newer export", () => {
  it("moves a scheduled story to its post's new date, to the drafts when it cannot go live then or the date has passed, or to review when the post is pending, unless the desk has changed it since (it kept the first date)", async () => {
    const site = "rescheduled.example";
    const source = `https://${site}`;
    const dated = (at: string) => (xml: string) =>
      xml.replace(
        "<wp:post_date_gmt><![CDATA[2099-04-01 08:00:00]]></wp:post_date_gmt>",
        `<wp:post_date_gmt><![CDATA[${at}]]></wp:post_date_gmt>`,
      );
    await importWordPress({ file: fixtureFor(site), uploadsDir: uploads, actor: admin });
    // A new time it cannot go live at (its text is gone): a draft, as the report says, not left to go live at the earlier time.
    const emptied = await importWordPress({
      file: fixtureFor(site, (xml) =>
        dated("2099-04-15 08:00:00")(xml.replace("<p>The first public consultation on the new town plan opens today.</p>", "")),
      ),
      uploadsDir: uploads,
      actor: admin,
    });
    expect(emptied.warnings.filter((w) => w.id === "103").map((w) => w.message)).toEqual([
      "It was “future” in WordPress but cannot go live here until it has a body. It is a draft here.",
    ]);
    expect(await storyOf("103", source)).toMatchObject({ status: "DRAFT", scheduledFor: null });
    const report = await importWordPress({ file: fixtureFor(site, dated("2099-05-02 09:30:00")), uploadsDir: uploads, actor: admin });
    expect(report.counts.stories).toMatchObject({ created: 0, updated: 1 });
    const story = await storyOf("103", source);
    expect(story).toMatchObject({ status: "SCHEDULED", scheduledFor: new Date("2099-05-02T09:30:00Z") });
    expect(report.warnings.filter((w) => w.id === "103")).toEqual([]);
    // A time that has passed in WordPress: a draft here, as the report says (it stayed scheduled for the old time).
    // Re-imported by another admin: the story goes back to its writer with the import's note (a return
    // without one was refused, and the whole post skipped).
    const otherAdmin = await makeUser("ADMIN");
    const passed = await importWordPress({ file: fixtureFor(site, dated("2020-01-01 08:00:00")), uploadsDir: uploads, actor: otherAdmin });
    expect(passed.skipped.find((s) => s.id === "103")).toBeUndefined();
    expect(passed.warnings.filter((w) => w.id === "103").map((w) => w.message)).toEqual([
      "It was scheduled in WordPress for a time that has passed; it is a draft here.",
    ]);
    expect(await storyOf("103", source)).toMatchObject({ status: "DRAFT", scheduledFor: null });
    expect((await db.returnNote.findFirst({ where: { articleId: story!.id }, orderBy: { createdAt: "desc" } }))?.text).toBe(
      "The WordPress import made it a draft: WordPress no longer schedules it for a time to come.",
    );
    await importWordPress({ file: fixtureFor(site, dated("2099-05-02 09:30:00")), uploadsDir: uploads, actor: admin });
    expect(await storyOf("103", source)).toMatchObject({ status: "SCHEDULED", scheduledFor: new Date("2099-05-02T09:30:00Z") });
    // Sent back for review in WordPress ("pending"): in review here, off the schedule (it stayed scheduled).
    const pending = (xml: string) =>
      dated("2099-05-02 09:30:00")(xml).replace("<wp:status><![CDATA[future]]></wp:status>", "<wp:status><![CDATA[pending]]></wp:status>");
    const review = await importWordPress({ file: fixtureFor(site, pending), uploadsDir: uploads, actor: admin });
    expect(review.skipped.find((s) => s.id === "103")).toBeUndefined();
    expect(review.warnings.filter((w) => w.id === "103").map((w) => w.message)).toEqual([
      "It is pending review in WordPress: it is in review here, off the schedule.",
    ]);
    expect(await storyOf("103", source)).toMatchObject({ status: "IN_REVIEW", scheduledFor: null });
    await importWordPress({ file: fixtureFor(site, dated("2099-05-02 09:30:00")), uploadsDir: uploads, actor: admin });
    expect(await storyOf("103", source)).toMatchObject({ status: "SCHEDULED", scheduledFor: new Date("2099-05-02T09:30:00Z") });
    // As any other change: a story changed on the desk since keeps its time.
    await db.article.update({ where: { id: story!.id }, data: { dek: "Edited on the desk." } });
    const later = await importWordPress({ file: fixtureFor(site, dated("2099-06-03 10:00:00")), uploadsDir: uploads, actor: admin });
    expect(later.skipped.find((s) => s.id === "103")?.reason).toContain("changed in Dateline since the last import");
    expect(await storyOf("103", source)).toMatchObject({ status: "SCHEDULED", scheduledFor: new Date("2099-05-02T09:30:00Z") });
  });

  it("keeps a post's Gutenberg footnotes: its references numbered in the text, its notes under “Notes” at the end", async () => {
    const site = "footnotes.example";
    const footnotes = JSON.stringify([
      { id: "n-1", content: 'See the <a href="https://harrow.example/report">health board\'s report</a>.' },
    ]);
    const report = await importWordPress({
      file: fixtureFor(site, (xml) => footnoted(xml, footnotes)),
      uploadsDir: uploads,
      actor: admin,
    });
    const story = await storyOf("106", `https://${site}`);
    expect(story?.bodyText).toBe("Moving the clinic is overdue.[1]\nNotes\nSee the health board's report.");
    expect(bodyToHtml(bodySchema.parse(story!.body))).toContain(
      '<h2 dir="auto">Notes</h2><ol><li dir="auto">See the <a href="https://harrow.example/report" rel="noopener noreferrer">health board&#x27;s report</a>.</li></ol>',
    );
    expect(report.warnings.filter((w) => w.id === "106")).toEqual([]);
  });

  it("imports a photo in a footnote below the notes, and heads a German site's notes in German", async () => {
    const site = "fussnoten.example";
    const footnotes = JSON.stringify([
      {
        id: "n-1",
        content: `Der alte Kai.<img src="https://${site}/wp-content/uploads/2026/11/quay.jpg" class="wp-image-11" alt="">`,
      },
    ]);
    const report = await importWordPress({
      file: fixtureFor(site, (xml) => footnoted(xml.replace("<language>en-GB</language>", "<language>de-DE</language>"), footnotes)),
      uploadsDir: uploads,
      actor: admin,
    });
    const story = await storyOf("106", `https://${site}`);
    const quay = await db.importMapping.findUniqueOrThrow({
      where: { source_kind_externalId: { source: `https://${site}`, kind: "attachment", externalId: "11" } },
    });
    const body = bodySchema.parse(story!.body);
    expect(body.content.slice(-3).map((block) => block.type)).toEqual(["heading", "orderedList", "image"]);
    expect(body.content.at(-3)).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Anmerkungen" }] });
    expect(body.content.at(-1)).toMatchObject({ type: "image", attrs: { imageId: quay.entityId } });
    const warnings = report.warnings.filter((w) => w.id === "106").map((w) => w.message);
    expect(warnings).toContain("A photo or embed in a footnote was moved below the notes.");
    expect(warnings).not.toContainEqual(expect.stringContaining("could not be found"));
  });
});
