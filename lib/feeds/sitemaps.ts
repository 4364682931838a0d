import { db } from "../db";
import { articlePath } from "../articles/dto";
import { absoluteUrl } from "../seo/site";
import { readSiteSettings } from "../settings/queries";
import { newsSitemapLanguage } from "../settings/language";
import { storyLanguage } from "../articles/language";
import { xmlDocument } from "./xml";
import { onReaderVisibleStoryWhere, readerVisibleWhere } from "../articles/policy";

/** URLs per sitemap file; beyond this /sitemap.xml becomes an index of numbered files. */
export const SITEMAP_SIZE = 5000;
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const live = readerVisibleWhere;

type Entry = { loc: string; lastmod?: Date | null };

const urlset = (entries: Entry[], extraNs: Record<string, string> = {}, extra?: (e: Entry) => object[]) =>
  xmlDocument({
    tag: "urlset",
    attrs: { xmlns: NS, ...extraNs },
    children: entries.map((e) => ({
      tag: "url",
      children: [
        { tag: "loc", children: e.loc },
        ...(e.lastmod ? [{ tag: "lastmod", children: e.lastmod.toISOString() }] : []),
        ...((extra?.(e) ?? []) as never[]),
      ],
    })),
  });

async function pageEntries(): Promise<Entry[]> {
  const [sections, authors, tags] = await Promise.all([
    db.section.findMany({ select: { slug: true } }),
    db.author.findMany({ where: onReaderVisibleStoryWhere, select: { slug: true } }),
    db.tag.findMany({ where: onReaderVisibleStoryWhere, select: { slug: true } }),
  ]);
  return [
    { loc: absoluteUrl("/") },
    ...sections.map((s) => ({ loc: absoluteUrl(`/${s.slug}`) })),
    ...authors.map((a) => ({ loc: absoluteUrl(`/authors/${a.slug}`) })),
    ...tags.map((t) => ({ loc: absoluteUrl(`/tags/${t.slug}`) })),
  ];
}

/** Published stories; lastmod is the last material update, so a typo fix does not move it. */
async function articleEntries(skip: number, take: number): Promise<Entry[]> {
  const rows = await db.article.findMany({
    where: live,
    select: { slug: true, firstPublishedAt: true, contentUpdatedAt: true, section: { select: { slug: true } } },
    orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
    skip,
    take,
  });
  return rows.map((r) => ({ loc: absoluteUrl(articlePath(r)), lastmod: r.contentUpdatedAt ?? r.firstPublishedAt }));
}

/** /sitemap.xml: every URL while they fit in one file, else an index of /sitemaps/*.xml. */
export async function buildSitemap(): Promise<string> {
  const total = await db.article.count({ where: live });
  if (total <= SITEMAP_SIZE) return urlset([...(await pageEntries()), ...(await articleEntries(0, SITEMAP_SIZE))]);
  const files = ["pages.xml", ...Array.from({ length: Math.ceil(total / SITEMAP_SIZE) }, (_, i) => `articles-${i + 1}.xml`)];
  return xmlDocument({
    tag: "sitemapindex",
    attrs: { xmlns: NS },
    children: files.map((f) => ({ tag: "sitemap", children: [{ tag: "loc", children: absoluteUrl(`/sitemaps/${f}`) }] })),
  });
}

/** One file of the split sitemap, or null for a name that does not exist. */
export async function buildSitemapFile(file: string): Promise<string | null> {
  if (file === "pages.xml") return urlset(await pageEntries());
  // One spelling of each file: articles-1.xml, not articles-0.xml (which asked for a negative offset) or articles-01.xml.
  const match = /^articles-([1-9]\d{0,4})\.xml$/.exec(file);
  if (!match) return null;
  const entries = await articleEntries((Number(match[1]) - 1) * SITEMAP_SIZE, SITEMAP_SIZE);
  return entries.length > 0 ? urlset(entries) : null;
}

/** Google News sitemap: stories first published in the last two days. */
export async function buildNewsSitemap(now = new Date()): Promise<string> {
  const site = await readSiteSettings();
  const rows = await db.article.findMany({
    where: { ...live, firstPublishedAt: { gte: new Date(now.getTime() - 2 * 86_400_000) } },
    select: { slug: true, headline: true, language: true, firstPublishedAt: true, section: { select: { slug: true } } },
    orderBy: { firstPublishedAt: "desc" },
    take: 1000,
  });
  const byLoc = new Map(rows.map((r) => [absoluteUrl(articlePath(r)), r]));
  return urlset(
    [...byLoc.keys()].map((loc) => ({ loc })),
    { "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9" },
    (e) => {
      const r = byLoc.get(e.loc)!;
      return [
        {
          tag: "news:news",
          children: [
            {
              tag: "news:publication",
              children: [
                { tag: "news:name", children: site.siteName },
                // Each story's own: a Welsh story on an English site is cy.
                { tag: "news:language", children: newsSitemapLanguage(storyLanguage(r, site)) },
              ],
            },
            { tag: "news:publication_date", children: r.firstPublishedAt!.toISOString() },
            { tag: "news:title", children: r.headline },
          ],
        },
      ];
    },
  );
}
