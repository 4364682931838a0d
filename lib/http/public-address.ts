import { sql } from "../db/read-only";
import { SLUG_PATTERN } from "../slug";

/**
 * Whether a public list address names nothing: an edition (the front page lives at "/"), a
 * section (or its feed), tag or byline that does not exist, a page of a list past its end, or a
 * sitemap file that cannot exist. Next.js keeps such an address's 404 in its page cache (and its
 * reads' nulls in its data cache), so addresses a reader invents would grow those caches without
 * end; scripts/server.ts answers them 404 itself.
 *
 * `nextTopLevel`: the first segments of Next's routes other than /[section] (from the build's
 * routes manifest), which take precedence over a section of that name.
 * Errs towards "exists": anything it does not recognise goes on to Next.js.
 */
export function isUnknownListAddress(pathname: string, nextTopLevel: ReadonlySet<string>): boolean {
  const segments = pathname.split("/").slice(1).map(decode);
  if (segments.some((s) => s === null)) return false;
  const [first, second, third, fourth] = segments as string[];
  if (first === "edition") return true;
  // lib/feeds/sitemaps.ts's files: pages.xml and articles-<n>.xml.
  if (first === "sitemaps") return segments.length === 2 && !/^(?:pages|articles-\d{1,5})\.xml$/.test(second!);
  if (first === "tags" || first === "authors") {
    const page = segments.length === 2 ? null : segments.length === 4 && third === "p" ? fourth! : undefined;
    if (page === undefined || !second) return false;
    const kind = first === "tags" ? LISTS.tag : LISTS.author;
    return !exists(kind, second) || (page !== null && !pageExists(kind, second, page));
  }
  if (nextTopLevel.has(first!) || first!.startsWith("_")) return false;
  // A section's first page, its feed, or /p/<n>.
  const page = segments.length === 1 || (segments.length === 2 && second === "feed.xml") ? null : segments.length === 3 && second === "p" ? third! : undefined;
  if (page === undefined || !first) return false;
  if (!SLUG_PATTERN.test(first)) return true;
  if (!exists(LISTS.section, first)) return sql(`SELECT 1 FROM SectionRedirect WHERE fromSlug = ?`).get(first) === undefined;
  return page !== null && !pageExists(LISTS.section, first, page);
}

/** Stories per list page: lib/public-pages.ts's PUBLIC_PAGE_SIZE (public-address.test.ts holds them equal). */
export const LIST_PAGE_SIZE = 20;

const LISTS = {
  section: { table: "Section", count: `SELECT COUNT(*) FROM Article a JOIN Section s ON s.id = a.sectionId WHERE s.slug = ? AND a.status = 'PUBLISHED'` },
  tag: { table: "Tag", count: `SELECT COUNT(*) FROM ArticleTag x JOIN Tag t ON t.id = x.tagId JOIN Article a ON a.id = x.articleId WHERE t.slug = ? AND a.status = 'PUBLISHED'` },
  author: { table: "Author", count: `SELECT COUNT(*) FROM ArticleAuthor x JOIN Author t ON t.id = x.authorId JOIN Article a ON a.id = x.articleId WHERE t.slug = ? AND a.status = 'PUBLISHED'` },
} as const;
type List = (typeof LISTS)[keyof typeof LISTS];

const exists = (list: List, slug: string) => sql(`SELECT 1 FROM ${list.table} WHERE slug = ?`).get(slug) !== undefined;

/** Page `n` (the /p/<n> segment) as lib/public-data.ts's getStoryListPage accepts it: 2 up to the last page. */
function pageExists(list: List, slug: string, n: string): boolean {
  if (!/^\d{1,4}$/.test(n) || Number(n) < 2) return false;
  const total = sql(list.count).pluck().get(slug) as number;
  return Number(n) <= Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
