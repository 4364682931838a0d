import { notFound } from "next/navigation";
import { tags } from "./tags";
import { publicCache } from "./public-cache";
import {
  getPublishedArticleBySlug,
  listPublishedArticles,
  listRelatedArticles,
  resolveRedirect,
  type PublishedFilter,
} from "../articles/queries";
import { loadStoryPage } from "../articles/story-pages";
import { readPublicFront } from "../front/queries";
import { getSectionBySlug, listSections, resolveSectionRedirect } from "../sections/queries";
import { getAuthorBySlug } from "../authors/queries";
import { getTagBySlug } from "../tags/queries";
import { buildRssFeed } from "../feeds/rss";
import { readSiteSettings } from "../settings/queries";
import { cache } from "react";
import { buildNewsSitemap, buildSitemap, buildSitemapFile } from "../feeds/sitemaps";
import { getPublicPhotoCredentials } from "../provenance/queries";
import { lowerCaseSlug, SLUG_MAX_LENGTH } from "../format/slug";

// Every public page reads through these cached functions; see lib/cache/invalidation.ts for what
// expires them.

/** The site's name, description and time zone, read once per request and cached until a save (tag "site"). */
export const getSiteSettings = cache(publicCache("settings", readSiteSettings, () => [tags.site]));

/**
 * A read by slug. An address segment longer than any slug cannot name anything: it is answered
 * as missing without a lookup, a cache entry or a cache tag (a reader's 3,000-character address
 * made Next log its over-long tag twice per request).
 */
export function bySlug<R>(read: (slug: string) => Promise<R | null>): (slug: string) => Promise<R | null> {
  return async (slug) => (slug.length > SLUG_MAX_LENGTH ? null : read(slug));
}

// Reads a page and its generateMetadata both make are also deduplicated within the request (React cache).
export const getStory = cache(bySlug(publicCache("story", getPublishedArticleBySlug, (slug) => [tags.story(slug)])));
export const getStoryRedirect = bySlug(publicCache("story-redirect", resolveRedirect, (slug) => [tags.story(slug)]));
export const getRelatedStories = publicCache(
  "related",
  (article: { id: string; section: { slug: string } | null; tags: { slug: string }[] }) => listRelatedArticles(article),
  (article) => [...(article.section ? [tags.section(article.section.slug)] : []), ...article.tags.map((t) => tags.tag(t.slug))],
);

export const getLatestStories = publicCache(
  "latest",
  (limit: number) => listPublishedArticles({ limit }),
  () => [tags.front],
);
/** The editors' arrangement of the front page (lib/front/), its stories only while published. */
export const getCuratedFront = publicCache(
  "curated-front",
  () => readPublicFront(),
  () => [tags.front],
);
export const getSectionFront = publicCache(
  "section-front",
  (slug: string, limit: number) => listPublishedArticles({ sectionSlug: slug, limit }),
  (slug) => [tags.front, tags.section(slug)],
);

function filterTags(filter: PublishedFilter) {
  return [
    ...(filter.sectionSlug ? [tags.section(filter.sectionSlug)] : []),
    ...(filter.authorSlug ? [tags.author(filter.authorSlug)] : []),
    ...(filter.tagSlug ? [tags.tag(filter.tagSlug)] : []),
  ];
}
export const getStoryPage = publicCache(
  "story-page",
  (filter: PublishedFilter, page: unknown) => loadStoryPage(filter, page),
  (filter) => filterTags(filter),
);

export const getSections = publicCache(
  "sections",
  () => listSections(),
  () => [tags.sections],
);
export const getSection = cache(bySlug(publicCache("section", getSectionBySlug, (slug) => [tags.sections, tags.section(slug)])));
export const getSectionRedirect = bySlug(
  publicCache("section-redirect", resolveSectionRedirect, (slug) => [tags.sections, tags.section(slug)]),
);
/**
 * Where an address segment that names no section sends the reader: the section's own address when
 * it was typed in capitals ("/World" → "/world"), the new address of a section that moved
 * ("/science" or "/Science" → "/research"), or null. The section page and its feed forward by it.
 */
export async function getSectionForward(segment: string): Promise<string | null> {
  const lower = lowerCaseSlug(segment);
  if (lower && (await getSection(lower))) return `/${lower}`;
  return getSectionRedirect(lower ?? segment);
}
export const getAuthor = cache(bySlug(publicCache("author", getAuthorBySlug, (slug) => [tags.author(slug)])));
export const getTag = cache(bySlug(publicCache("tag", getTagBySlug, (slug) => [tags.tag(slug)])));

export const getRssFeed = publicCache("rss", buildRssFeed, (section) => [tags.feeds, ...(section ? [tags.section(section.slug)] : [])]);
export const getSitemap = publicCache(
  "sitemap",
  () => buildSitemap(),
  () => [tags.sitemaps],
);
export const getSitemapFile = publicCache(
  "sitemap-file",
  (file: string) => buildSitemapFile(file),
  () => [tags.sitemaps],
);
export const getNewsSitemap = publicCache(
  "news-sitemap",
  () => buildNewsSitemap(),
  () => [tags.sitemaps],
);

/**
 * Page `n` of a section, author or tag list, from the /p/<n> segment (undefined on the base
 * address): a malformed n, /p/1 (the base address's duplicate) or a page past the end is a 404.
 */
export async function getStoryListPage(filter: PublishedFilter, n: string | undefined) {
  // One spelling per page: /p/02 is not /p/2 (each page names itself as canonical).
  if (n !== undefined && !(/^[1-9]\d{0,3}$/.test(n) && Number(n) >= 2)) notFound();
  const result = await getStoryPage(filter, n ?? 1);
  if (n !== undefined && result.page > result.pages) notFound();
  return result;
}

/**
 * A published photo's Content Credentials view (issue 19). Tagged `front`: whatever changes it
 * expires that tag too, since it concerns a live story (its publishing or unpublishing, and a
 * change to a photo a live story shows: lib/cache/invalidation.ts tagsForChange, expireStoriesShowing).
 */
export const getPhotoCredentialsView = cache(publicCache("photo-credentials", getPublicPhotoCredentials, () => [tags.front]));
