import { listPublishedArticles } from "../articles/queries";
import type { ArticleCard } from "../articles/dto";
import { absoluteUrl } from "../seo/site";
import { readSiteSettings } from "../settings/queries";
import { xmlDocument, type XmlNode } from "./xml";
import { xmlEscape } from "../format/text";

/** An RSS 2.0 feed of the newest published stories, for the site or one section. */
export async function buildRssFeed({ sectionSlug, sectionName }: { sectionSlug?: string; sectionName?: string } = {}): Promise<string> {
  const [articles, { siteName }] = await Promise.all([listPublishedArticles({ sectionSlug, limit: 30 }), readSiteSettings()]);
  const home = absoluteUrl(sectionSlug ? `/${sectionSlug}` : "/");
  const self = absoluteUrl(sectionSlug ? `/${sectionSlug}/feed.xml` : "/feed.xml");
  const title = sectionName ? `${siteName}: ${sectionName}` : siteName;
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
            children: sectionName ? `Latest ${sectionName} stories from ${siteName}.` : `Latest stories from ${siteName}.`,
          },
          { tag: "language", children: "en" },
          { tag: "atom:link", attrs: { href: self, rel: "self", type: "application/rss+xml" } },
          // The latest change among its stories: a correction or an update to an older one moves it too.
          ...(lastChange(articles) ? [{ tag: "lastBuildDate", children: lastChange(articles)!.toUTCString() }] : []),
          ...articles.map(item),
        ],
      },
    ],
  });
}

function lastChange(articles: ArticleCard[]): Date | null {
  const times = articles.map((a) => (a.updatedAt ?? a.publishedAt)?.getTime() ?? 0).filter(Boolean);
  return times.length ? new Date(Math.max(...times)) : null;
}

function item(a: ArticleCard): XmlNode {
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
      ...(a.dek ? [{ tag: "description", children: xmlEscape(a.dek) }] : []),
      ...a.authors.map((x) => ({ tag: "dc:creator", children: x.name })),
      ...(a.section ? [{ tag: "category", children: a.section.name }] : []),
      // The lead photo (Media RSS), with its credit: readers of the feed see who took it, as on the page.
      ...(a.image
        ? [
            {
              tag: "media:content",
              attrs: { url: absoluteUrl(a.image.src), medium: "image", width: String(a.image.width), height: String(a.image.height) },
              children: [
                ...(a.image.alt ? [{ tag: "media:description", attrs: { type: "plain" }, children: a.image.alt }] : []),
                ...(a.image.creditLine ? [{ tag: "media:credit", children: a.image.creditLine }] : []),
              ],
            },
          ]
        : []),
    ],
  };
}
