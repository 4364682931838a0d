import { db } from "../db";
import { tags } from "./tags";
import { purgeTags } from "./purge";
import { recordExpiry } from "./shared-expiry";
import { noteExpiredPublicPages } from "../ops/request-context";
import { isReaderVisible } from "../articles/policy";

/** What of a story shows on public pages: its addresses, section, bylines and tags, and whether it is live. */
export type Footprint = { live: boolean; slugs: string[]; section: string | null; authors: string[]; tags: string[] };

const footprintSelect = {
  id: true,
  status: true,
  slug: true,
  section: { select: { slug: true } },
  authors: { select: { author: { select: { slug: true } } } },
  tags: { select: { tag: { select: { slug: true } } } },
  redirects: { select: { fromSlug: true } },
} as const;

function toFootprint(a: Awaited<ReturnType<typeof readFootprints>>[number]): Footprint {
  return {
    live: isReaderVisible(a.status),
    slugs: [a.slug, ...a.redirects.map((r) => r.fromSlug)],
    section: a.section?.slug ?? null,
    authors: a.authors.map((x) => x.author.slug),
    tags: a.tags.map((x) => x.tag.slug),
  };
}

const readFootprints = (ids: string[]) => db.article.findMany({ where: { id: { in: ids } }, select: footprintSelect });

export async function publicFootprint(articleId: string): Promise<Footprint | null> {
  const [row] = await readFootprints([articleId]);
  return row ? toFootprint(row) : null;
}

/** The footprints of many stories, a few hundred per query (a section of thousands is one change away). */
async function publicFootprints(articleIds: string[]): Promise<Footprint[]> {
  const prints: Footprint[] = [];
  for (let i = 0; i < articleIds.length; i += 500) prints.push(...(await readFootprints(articleIds.slice(i, i + 500))).map(toFootprint));
  return prints;
}

/**
 * The cache tags a change expires, given the story before and after it: nothing when the
 * story was live neither before nor after (a draft edit), otherwise the story's pages at
 * every address it had, the front page, its sections, bylines and tags, feeds and sitemaps.
 */
export function tagsForChange(before: Footprint | null, after: Footprint | null): string[] {
  const prints = [before, after].filter((f): f is Footprint => !!f);
  const slugTags = prints.flatMap((f) => f.slugs.map(tags.story));
  if (!prints.some((f) => f.live)) return [...new Set(slugTags)];
  return [
    ...new Set([
      ...slugTags,
      tags.front,
      tags.feeds,
      tags.sitemaps,
      ...prints.flatMap((f) => [...(f.section ? [tags.section(f.section)] : []), ...f.authors.map(tags.author), ...f.tags.map(tags.tag)]),
    ]),
  ];
}

/**
 * Runs a change to one story and expires the public pages it affects. `expire` is
 * updateTag in a Server Action (read-your-own-writes) or revalidateTag(tag, { expire: 0 })
 * in a route handler.
 */
export async function withPublicRefresh<T>(
  articleId: string | null,
  change: () => Promise<T & { id?: string }>,
  expire: (tag: string) => void,
): Promise<T> {
  const before = articleId ? await publicFootprint(articleId) : null;
  const result = await change();
  const after = await publicFootprint(articleId ?? result.id ?? "");
  expireAll(tagsForChange(before, after), expire);
  return result;
}

/** Expires the pages of each story in `articleIds` wherever it shows (its footprint), plus `extra` tags. */
async function expireStories(articleIds: string[], extra: string[], expire: (tag: string) => void) {
  const storyTags = (await publicFootprints([...new Set(articleIds)])).flatMap((print) => tagsForChange(print, print));
  expireAll([...new Set([...extra, ...storyTags])], expire);
}

/** Expires the public pages of every story that shows a photo (after its caption, credit or file changed). */
export async function expireStoriesShowing(imageId: string, expire: (tag: string) => void) {
  const rows = await db.articleImage.findMany({ where: { imageId }, select: { articleId: true } });
  await expireStories(
    rows.map((r) => r.articleId),
    [],
    expire,
  );
}

/** Expires a byline's author page and the pages of every story that carries it (after its name, title or bio changed). */
export async function expireByline(authorId: string, expire: (tag: string) => void) {
  const author = await db.author.findUnique({ where: { id: authorId }, select: { slug: true, articles: { select: { articleId: true } } } });
  if (!author) return;
  await expireStories(
    author.articles.map((a) => a.articleId),
    [tags.author(author.slug)],
    expire,
  );
}

/**
 * Expires what shows a section: the masthead of every public page (the sections list), the
 * section's own pages at each of its addresses, and the pages of its stories (their kicker,
 * breadcrumbs and structured data name it).
 */
export async function expireSection(sectionId: string | null, slugs: string[], expire: (tag: string) => void) {
  const stories = sectionId ? await db.article.findMany({ where: { sectionId }, select: { id: true } }) : [];
  await expireStories(
    stories.map((a) => a.id),
    [tags.sections, tags.front, tags.feeds, tags.sitemaps, ...slugs.map(tags.section)],
    expire,
  );
}

/** Expires every public page: each shows the site's name and times in its time zone (after the settings changed). */
export function expireEverything(expire: (tag: string) => void) {
  // Every public page's masthead reads the sections, every feed and sitemap is tagged as such;
  // the settings read and every page an HTTP cache keeps carry `site` (lib/cache/surrogate-keys.ts).
  expireAll([tags.sections, tags.front, tags.feeds, tags.sitemaps, tags.site], expire);
}

/**
 * Expires tags in Next's cache, purges the pages carrying them from the HTTP caches in front
 * (lib/cache/purge.ts: the front cache, Varnish, a CDN), and records them in the shared expiry
 * table for the other server processes (one insert, not waited for; a failure is logged, never the
 * editor's: lib/cache/shared-expiry.ts).
 * Next.js applies the expiry of updateTag/revalidateTag only when the action or handler ends, so a
 * page rendered in between still has the old data: the server purges the same tags from the front
 * cache once more when this request has finished (scripts/server.ts), and drops captures begun
 * before that. Outside a request (a background job) `expire` may do nothing: the record expires
 * the tags in this process's data cache at once.
 */
export function expireAll(tagList: string[], expire: (tag: string) => void) {
  tagList.forEach(expire);
  if (tagList.length === 0) return;
  void recordExpiry(tagList);
  purgeTags(tagList);
  noteExpiredPublicPages(tagList);
}
