import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, transitionArticle, addCorrection, updateArticle } from "../articles/mutations/index";
import { getPublishedArticleBySlug } from "../articles/queries";
import { buildRssFeed } from "../feeds/rss";
import { buildNewsSitemap, buildSitemap } from "../feeds/sitemaps";
import sharp from "sharp";
import { htmlEscape, safeJsonForScript, shortenAtWord } from "../format/text";
import { mediaStore } from "../media/store";
import { createImage } from "../media/ingest";
import { updateImageMetadata } from "../media/library";
import { makeWirePhoto, WIRE_PHOTO } from "../test/images";
import { breadcrumbJsonLd, newsArticleJsonLd } from "./structured-data";
import { readSiteSettings } from "../settings/queries";
import { updateSettings } from "../settings/mutations";
import { SETTING_KEYS } from "../settings/schema";
import { createAuthor } from "../authors/mutations";

const HOSTILE = `Mayor says "</script><script>alert(1)</script>" & <b>more</b> ]]> \u0001 — “quotes”`;
let editor: Viewer;
let slug: string;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  const bits = await makeNewsroomBits();
  await db.section.update({ where: { id: bits.section.id }, data: { name: `Section ${HOSTILE}` } });
  const agency = await createAuthor(editor, { name: "Wire Desk Agency", title: "News agency", kind: "ORGANIZATION" });
  const story = await createArticle(editor, {
    ...readyArticleInput(bits.section.id, bits.author.id, { headline: HOSTILE, dek: HOSTILE }),
    authorIds: [bits.author.id, agency.id],
    sources: [{ url: "https://example.org/a?x=1&y=2", title: HOSTILE, publisher: HOSTILE }],
  });
  slug = story.slug;
  const live = await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
  await addCorrection(editor, { articleId: story.id, version: live.version, kind: "CORRECTION", text: `Fixed: ${HOSTILE}` });
});

describe("structured data", () => {
  it("describes the story as a NewsArticle with sources as citations and corrections", async () => {
    const article = (await getPublishedArticleBySlug(slug))!;
    const ld = newsArticleJsonLd(article, "The Dateline", "en");
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.headline).toBe(shortenAtWord(HOSTILE, 110));
    expect(ld.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(ld.author[0]).toMatchObject({ "@type": "Person" });
    // An agency's byline is an Organization (with no job title).
    expect(ld.author[1]).toEqual({
      "@type": "Organization",
      name: "Wire Desk Agency",
      url: expect.stringMatching(/\/authors\/wire-desk-agency/),
    });
    expect(ld.citation[0]).toMatchObject({ "@type": "CreativeWork", url: "https://example.org/a?x=1&y=2" });
    expect(ld.correction[0]?.text).toContain("Fixed:");
    expect(breadcrumbJsonLd(article, "The Dateline").itemListElement).toHaveLength(3);
  });

  it("names the photo file's own size, and cuts a long headline after a whole word (a 2400 px photo linked at 1600 said 2400×1600)", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, await makeWirePhoto(43, 2400, 1600), {}, "wide.jpg");
    await updateImageMetadata(editor, {
      id: image.id,
      caption: WIRE_PHOTO.caption,
      credit: "Roman Pilipey",
      agency: "Getty Images",
      altText: "A street.",
    });
    const headline = `Council approves the ${"Hauptbetriebswerkstatt".repeat(2)} expansion after a long night of debate about the harbour, its cranes and its future`;
    const story = await createArticle(
      editor,
      readyArticleInput(bits.section.id, bits.author.id, { headline, hero: { imageId: image.id } }),
    );
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
    const article = (await getPublishedArticleBySlug(story.slug))!;
    const [photo] = newsArticleJsonLd(article, "The Dateline", "en").image!;
    const file = await mediaStore.get(/\/([^/]+)$/.exec(photo!.url)![1]!);
    const { width, height } = await sharp(file!).metadata();
    expect({ width: photo!.width, height: photo!.height }).toEqual({ width, height });
    expect(photo).toMatchObject({ width: 1600, height: 1067 });
    const ld = newsArticleJsonLd(article, "The Dateline", "en");
    expect(ld.headline.length).toBeLessThanOrEqual(110);
    expect(ld.headline).toMatch(/ \S+…$/);
    expect(headline.startsWith(ld.headline.slice(0, -1))).toBe(true);
    expect(headline[ld.headline.length - 1]).toBe(" ");
  });

  it("cannot be broken out of its script element", async () => {
    const json = safeJsonForScript(newsArticleJsonLd((await getPublishedArticleBySlug(slug))!, "The Dateline", "en"));
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain("<");
    expect(JSON.parse(json).headline).toBe(shortenAtWord(HOSTILE, 110));
  });
});

describe("feeds and sitemaps", () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it("builds well-formed RSS 2.0 with hostile text escaped", async () => {
    const rss = await buildRssFeed();
    expect(XMLValidator.validate(rss)).toBe(true);
    const doc = parser.parse(rss);
    expect(doc.rss["@_version"]).toBe("2.0");
    const items = [doc.rss.channel.item].flat();
    const ours = items.find((i: { title: string }) => i.title.includes("Mayor says"));
    expect(ours.title).toBe(HOSTILE.replace("\u0001", ""));
    // A description is read as HTML by feed readers: the dek's plain text arrives escaped for HTML,
    // so "<b>more</b>" typed in it reads as those characters, not in bold.
    expect(ours.description).toBe(htmlEscape(HOSTILE.replace("\u0001", "")));
    expect(ours.description).toContain("&lt;b&gt;more&lt;/b&gt;");
    expect(rss).not.toContain("<script>");
  });

  it("carries each story's lead photo with its caption and credit (Media RSS), and moves its build date when an older story is corrected", async () => {
    const bits = await makeNewsroomBits();
    const image = await createImage(editor, await makeWirePhoto(41), {}, "feed-photo.jpg");
    await updateImageMetadata(editor, {
      id: image.id,
      caption: WIRE_PHOTO.caption,
      credit: "Roman Pilipey",
      agency: "Getty Images",
      altText: "Rescuers carry a stretcher through the rubble.",
    });
    const older = await createArticle(
      editor,
      readyArticleInput(bits.section.id, bits.author.id, { hero: { imageId: image.id }, dek: "First line.\nSecond line." }),
    );
    const olderLive = await transitionArticle(editor, { id: older.id, version: older.version, to: "PUBLISHED" });
    const newer = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    await transitionArticle(editor, { id: newer.id, version: newer.version, to: "PUBLISHED" });

    const item = async () => {
      // The section's own feed: the site's holds the 30 newest, which other test files may fill.
      const doc = parser.parse(await buildRssFeed(bits.section));
      return { doc, ours: [doc.rss.channel.item].flat().find((i: { link: string }) => i.link.endsWith(`/${older.slug}`)) };
    };
    const { doc, ours } = await item();
    expect(doc.rss["@_xmlns:media"]).toBe("http://search.yahoo.com/mrss/");
    expect(ours["media:content"]["@_url"]).toMatch(/^http:\/\/localhost:3000\/media\/.+/);
    expect(ours["media:content"]["@_medium"]).toBe("image");
    // The size is the variant's the address names, not the original photo's.
    expect(ours["media:content"]["@_width"]).toBe(/-w(\d+)\.jpg$/.exec(ours["media:content"]["@_url"])![1]);
    expect(ours.description).toBe("First line.&lt;br&gt;Second line.".replace("&lt;br&gt;", "<br>"));
    expect(ours["media:content"]["media:credit"]).toBe("Roman Pilipey/Getty Images");
    // The description is the caption, which Dateline's own wire desk reads back as the caption; it was the alt text.
    expect(ours["media:content"]["media:description"]["#text"]).toBe(WIRE_PHOTO.caption);

    const builtBefore = new Date(doc.rss.channel.lastBuildDate).getTime();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await addCorrection(editor, {
      articleId: older.id,
      version: olderLive.version,
      kind: "CORRECTION",
      text: "An earlier version misnamed the street.",
    });
    expect(new Date((await item()).doc.rss.channel.lastBuildDate).getTime()).toBeGreaterThan(builtBefore);
  });

  it("builds a well-formed sitemap and Google News sitemap that list the story", async () => {
    const sitemap = await buildSitemap();
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const urls = [parser.parse(sitemap).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(urls.some((u: string) => u.endsWith(`/${slug}`))).toBe(true);
    const news = await buildNewsSitemap();
    expect(XMLValidator.validate(news)).toBe(true);
    expect(news).toContain("<news:title>Mayor says &quot;&lt;/script&gt;");
  });
});

describe("a feed's last build date", () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const builtAt = async (section?: { id: string; slug: string; name: string }) =>
    new Date(parser.parse(await buildRssFeed(section)).rss.channel.lastBuildDate).getTime();
  // lastBuildDate counts whole seconds: the newest story goes live a second after the older one.
  const aSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
  const publish = async (sectionId: string, authorId: string) => {
    const input = readyArticleInput(sectionId, authorId);
    const draft = await createArticle(editor, input);
    return { input, ...(await transitionArticle(editor, { id: draft.id, version: draft.version, to: "PUBLISHED" })) };
  };

  it("never goes back when the newest story is unpublished, in the site's feed or its section's", async () => {
    const { section, author } = await makeNewsroomBits();
    await publish(section.id, author.id);
    await aSecond();
    const newest = await publish(section.id, author.id);
    const before = { site: await builtAt(), section: await builtAt(section) };

    await transitionArticle(editor, { id: newest.id, version: newest.version, to: "UNPUBLISHED", reason: "Published by mistake." });
    expect(await builtAt()).toBeGreaterThanOrEqual(before.site);
    expect(await builtAt(section)).toBeGreaterThanOrEqual(before.section);
  });

  it("never goes back in the section the newest story moved out of", async () => {
    const { section, author } = await makeNewsroomBits();
    const elsewhere = (await makeNewsroomBits()).section;
    await publish(section.id, author.id);
    await aSecond();
    const newest = await publish(section.id, author.id);
    const before = await builtAt(section);

    await updateArticle(editor, { ...newest.input, sectionId: elsewhere.id, id: newest.id, version: newest.version });
    expect(await builtAt(section)).toBeGreaterThanOrEqual(before);
  });
});

describe("a hostile site name (Settings)", () => {
  const NAME = `Herald "</title><script>alert(1)</script>" & <b>Co</b>`;
  const parser = new XMLParser({ ignoreAttributes: false });

  beforeAll(async () => {
    await updateSettings(await makeUser("ADMIN"), { ...(await readSiteSettings()), siteName: NAME });
  });
  afterAll(async () => {
    await db.setting.deleteMany({ where: { key: { in: [...SETTING_KEYS] } } });
  });

  it("is text in the feeds and sitemaps", async () => {
    const rss = await buildRssFeed();
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(parser.parse(rss).rss.channel.title).toBe(NAME);
    const news = await buildNewsSitemap();
    expect(XMLValidator.validate(news)).toBe(true);
    expect(news).not.toContain("<script>");
  });
});

describe("the language of stories (Settings)", () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  /**
   * The news sitemap's languages of the stories without one of their own (other test files
   * publish a Welsh story, whose entry says cy whatever the site's language is).
   */
  const newsLanguages = async () => {
    const own = await db.article.findMany({ where: { language: { not: null } }, select: { slug: true } });
    return [parser.parse(await buildNewsSitemap()).urlset.url]
      .flat()
      .filter((u: { loc: string }) => !own.some((story) => u.loc.endsWith(`/${story.slug}`)))
      .map(
        (u: { "news:news": { "news:publication": { "news:language": string } } }) => u["news:news"]["news:publication"]["news:language"],
      );
  };

  afterAll(async () => {
    await db.setting.deleteMany({ where: { key: { in: [...SETTING_KEYS] } } });
  });

  it("is English until an admin chooses one", async () => {
    expect(parser.parse(await buildRssFeed()).rss.channel.language).toBe("en");
    expect(new Set(await newsLanguages())).toEqual(new Set(["en"]));
  });

  it("reaches the feed as stored, the news sitemap as Google's ISO 639 code, and the structured data", async () => {
    await updateSettings(await makeUser("ADMIN"), { ...(await readSiteSettings()), language: "nb-no" });
    const rss = await buildRssFeed();
    expect(XMLValidator.validate(rss)).toBe(true);
    expect(parser.parse(rss).rss.channel.language).toBe("nb-NO");
    expect(new Set(await newsLanguages())).toEqual(new Set(["nb"]));
    const { language } = await readSiteSettings();
    expect(newsArticleJsonLd((await getPublishedArticleBySlug(slug))!, "The Dateline", language).inLanguage).toBe("nb-NO");

    // Chinese is the exception Google makes: zh-tw for Traditional, zh-cn for Simplified.
    await updateSettings(await makeUser("ADMIN"), { ...(await readSiteSettings()), language: "zh-hk" });
    expect(new Set(await newsLanguages())).toEqual(new Set(["zh-tw"]));
  });
});
