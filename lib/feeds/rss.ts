import { htmlEscape } from "../format/text";
import { listPublishedArticles } from "../articles/queries";
import { CARD_PHOTO_WIDTH, type ArticleCard } from "../articles/dto";
import { variantSize } from "../media/variants";
import { absoluteUrl } from "../seo/site";
import { readSiteSettings } from "../settings/queries";
import { xmlDocument, type XmlNode } from "./xml";
import { lastFeedDeparture } from "./departures";
import { ownLanguage } from "../articles/language";

/** The address and title of the site's feed, or of one section's: what the feed calls itself and what pages link to. */
export function feedOf(siteName: string, section?: { slug: string; name: string }) {
  return section ? { path: `/${section.slug}/feed.xml`, title: `${siteName}: ${section.name}` } : { path: "/feed.xml", title: siteName };
}

/**
 * The feeds a page names in its `<link rel="alternate">`s (Next's `alternates.types`): the site's,
 * and its section's for a section page or a story in one, so that a feed reader finds both.
 */
export function feedAlternates(siteName: string, section?: { slug: string; name: string } | null) {
  const feeds = [feedOf(siteName), ...(section ? [feedOf(siteName, section)] : [])];
  return { "application/rss+xml": feeds.map((f) => ({ url: f.path, title: f.title })) };
}

/** A section whose feed is asked for: its id keys when a story last left it (lib/feeds/departures.ts). */
type FeedSection = { id: string; slug: string; name: string };

/** An RSS 2.0 feed of the newest published stories, for the site or one section. */
export async function buildRssFeed(section?: FeedSection): Promise<string> {
  const sectionSlug = section?.slug;
  const [articles, { siteName, language }, departed] = await Promise.all([
    listPublishedArticles({ sectionSlug, limit: 30 }),
    readSiteSettings(),
    lastFeedDeparture(section?.id),
  ]);
  const home = absoluteUrl(sectionSlug ? `/${sectionSlug}` : "/");
  const { path, title } = feedOf(siteName, section);
  const self = absoluteUrl(path);
  const changed = lastChange(articles, departed);
  return xmlDocument({
    tag: "rss",
    attrs: {
      version: "2.0",
      "xmlns:atom": "http://www.w3.org/2005/Atom",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:media": "http://search.yahoo.com/mrss/",
    },
    children: [
      {
        tag: "channel",
        children: [
          { tag: "title", children: title },
          { tag: "link", children: home },
          {
            tag: "description",
            children: section ? `Latest ${section.name} stories from ${siteName}.` : `Latest stories from ${siteName}.`,
          },
          // The stories' language as the settings hold it (RSS 2.0 takes such tags: nb-NO, es-MX).
          { tag: "language", children: language },
          { tag: "atom:link", attrs: { href: self, rel: "self", type: "application/rss+xml" } },
          ...(changed ? [{ tag: "lastBuildDate", children: changed.toUTCString() }] : []),
          ...articles.map((a) => item(a, language)),
        ],
      },
    ],
  });
}

/**
 * The feed's last change: the latest change among its stories (a publish, a correction, a minor
 * fix to an older one), or the time a story last left it, whichever is later. Without the latter
 * it went back when its newest story was unpublished or moved, and readers holding the newer
 * build were told nothing had changed since.
 */
function lastChange(articles: ArticleCard[], departed: Date | null): Date | null {
  const times = [...articles.map((a) => a.modifiedAt.getTime()), departed?.getTime() ?? 0].filter(Boolean);
  return times.length ? new Date(Math.max(...times)) : null;
}

/** A story as a feed item; `language` is the channel's, which RSS 2.0 gives no item a way to differ from, so one in another says so in Dublin Core. */
function item(a: ArticleCard, language: string): XmlNode {
  const own = ownLanguage(a, language);
  const link = absoluteUrl(a.path);
  return {
    tag: "item",
    children: [
      { tag: "title", children: a.headline },
      { tag: "link", children: link },
      { tag: "guid", attrs: { isPermaLink: "false" }, children: `dateline:article:${a.id}` },
      ...(a.publishedAt ? [{ tag: "pubDate", children: a.publishedAt.toUTCString() }] : []),
      // Feed readers read a description as HTML: the dek is plain text, so it is escaped as HTML first
      // ("<i>more</i>" typed in a dek reads as those characters, as on the page).
      ...(a.dek ? [{ tag: "description", children: plainTextAsHtml(a.dek) }] : []),
      ...a.authors.map((x) => ({ tag: "dc:creator", children: x.name })),
      ...(own ? [{ tag: "dc:language", children: own }] : []),
      ...(a.section ? [{ tag: "category", children: a.section.name }] : []),
      // The lead photo (Media RSS), with its credit: readers of the feed see who took it, as on the page.
      ...(a.image ? [photo(a.image)] : []),
    ],
  };
}

/**
 * A story's lead photo as Media RSS: the card's picture, with the size of the variant it is, its
 * caption (the alt text when it has none) and its credit. Dateline's own wire desk reads a Media
 * RSS description as the caption.
 */
function photo(image: NonNullable<ArticleCard["image"]>): XmlNode {
  const { width, height } = variantSize(image.width, image.height, CARD_PHOTO_WIDTH);
  return {
    tag: "media:content",
    attrs: { url: absoluteUrl(image.src), medium: "image", type: "image/jpeg", width: String(width), height: String(height) },
    children: [
      ...(image.caption || image.alt ? [{ tag: "media:description", attrs: { type: "plain" }, children: image.caption || image.alt }] : []),
      ...(image.creditLine ? [{ tag: "media:credit", children: image.creditLine }] : []),
    ],
  };
}

/** Plain text as HTML for a feed reader: escaped, its line breaks as <br> (the page keeps them too). */
function plainTextAsHtml(text: string): string {
  return htmlEscape(text).replace(/\r?\n/g, "<br>");
}
