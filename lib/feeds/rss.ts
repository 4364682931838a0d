import { listPublishedArticles } from "../articles/queries";
import type { ArticleCard } from "../articles/dto";
import { absoluteUrl } from "../seo/site";
import { readSiteSettings } from "../settings/queries";
import { xmlDocument } from "./xml";

/** An RSS 2.0 feed of the newest published stories, for the site or one section. */
export async function buildRssFeed({ sectionSlug, sectionName }: { sectionSlug?: string; sectionName?: string } = {}): Promise<string> {
  const [articles, { siteName }] = await Promise.all([listPublishedArticles({ sectionSlug, limit: 30 }), readSiteSettings()]);
  const home = absoluteUrl(sectionSlug ? `/${sectionSlug}` : "/");
  const self = absoluteUrl(sectionSlug ? `/${sectionSlug}/feed.xml` : "/feed.xml");
  const title = sectionName ? `${siteName}: ${sectionName}` : siteName;
  return xmlDocument({
    tag: "rss",
    attrs: { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom", "xmlns:dc": "http://purl.org/dc/elements/1.1/" },
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
          ...(articles[0]?.publishedAt
            ? [{ tag: "lastBuildDate", children: (articles[0].updatedAt ?? articles[0].publishedAt).toUTCString() }]
            : []),
          ...articles.map(item),
        ],
      },
    ],
  });
}

function item(a: ArticleCard) {
  const link = absoluteUrl(a.path);
  return {
    tag: "item",
    children: [
      { tag: "title", children: a.headline },
      { tag: "link", children: link },
      { tag: "guid", attrs: { isPermaLink: "false" }, children: `dateline:article:${a.id}` },
      ...(a.publishedAt ? [{ tag: "pubDate", children: a.publishedAt.toUTCString() }] : []),
      ...(a.dek ? [{ tag: "description", children: a.dek }] : []),
      ...a.authors.map((x) => ({ tag: "dc:creator", children: x.name })),
      ...(a.section ? [{ tag: "category", children: a.section.name }] : []),
    ],
  };
}
