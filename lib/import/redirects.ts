import { db, type Tx } from "../db";
import { articlePath } from "../articles/dto";
import { isReaderVisible, onReaderVisibleStoryWhere, readerVisibleWhere } from "../articles/policy";
import { variantBase, variantSelect, variantUrl } from "../media/variants";
/**
 * Old addresses of another site (WordPress permalinks, `/?p=123`, `/category/x/`, `/tag/y/`,
 * `/author/z/`, attachment pages, the files of photos) kept in the PathRedirect table. Each points at a record, so
 * the answer is where that record lives now, in one hop: a story whose slug or section changed
 * since the import is reached directly, never through its own old-slug redirect (chains
 * collapsed). They are asked only when no live page has the address (the public pages' not-found
 * path and app/(public)/%5Fold), so a live page always wins.
 */

export type RedirectTarget = { entityType: "Article" | "Section" | "Tag" | "Author" | "Image"; entityId: string };

import { WORDPRESS_QUERY_KEYS } from "./old-query";

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * One spelling per address: the path decoded and encoded again, lower-case, without its trailing
 * slash, and for the front page's query addresses only the one WordPress key that names the page.
 * Returns null for something that is not a site path.
 */
export function normalizeOldPath(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input, "http://old.invalid");
  } catch {
    return null;
  }
  const path = url.pathname
    .split("/")
    .map((part) => encodeURIComponent(safeDecode(part)))
    .join("/")
    .toLowerCase()
    .replace(/\/+$/, "");
  if (path === "" || path === "/") {
    const param = (key: string) => encodeURIComponent((url.searchParams.get(key) ?? "").trim().toLowerCase());
    // A feed's query (`feed=rss2`) rides on the key of what it is the feed of (`/?cat=5&feed=rss2`).
    const feed = param("feed") ? `feed=${param("feed")}` : "";
    for (const key of WORDPRESS_QUERY_KEYS) {
      if (key !== "feed" && param(key)) return `/?${key}=${param(key)}${feed ? `&${feed}` : ""}`;
    }
    return feed ? `/?${feed}` : null;
  }
  return path.length > 1000 ? null : path;
}

/**
 * Records that `fromPath` now means `target` (re-running an import moves it, never duplicates it),
 * unless another imported site holds it: then it says which, and leaves it alone.
 */
export async function saveOldPath(tx: Tx, fromPath: string, target: RedirectTarget, source: string): Promise<{ takenBy: string } | null> {
  const path = normalizeOldPath(fromPath);
  if (!path) return null;
  // An address another imported site has already is left leading to its record: old addresses
  // carry no host, and the first site's links were out there first (a second site took them over).
  const held = await tx.pathRedirect.findUnique({ where: { fromPath: path }, select: { source: true, entityType: true, entityId: true } });
  // Already so (a re-import of an unchanged record, or another site's import of the same photo
  // file): nothing to write, and nothing to report.
  if (held?.source && held.entityType === target.entityType && held.entityId === target.entityId) return null;
  if (held?.source && held.source !== source) return { takenBy: held.source };
  await tx.pathRedirect.upsert({
    where: { fromPath: path },
    create: { fromPath: path, ...target, source },
    update: { ...target, source },
  });
  return null;
}

/**
 * Where a record lives now, or null when readers cannot see it (a draft story, a tag, byline or
 * photo no published story carries).
 */
async function currentAddress(target: RedirectTarget): Promise<string | null> {
  switch (target.entityType) {
    case "Article": {
      const story = await db.article.findUnique({
        where: { id: target.entityId },
        select: { slug: true, status: true, section: { select: { slug: true } } },
      });
      return story && isReaderVisible(story.status) ? articlePath(story) : null;
    }
    case "Section": {
      const section = await db.section.findUnique({ where: { id: target.entityId }, select: { slug: true } });
      return section ? `/${section.slug}` : null;
    }
    case "Tag": {
      // Only while a published story carries it: its page is a 404 otherwise, and its name is not for readers.
      const tag = await db.tag.findFirst({ where: { id: target.entityId, ...onReaderVisibleStoryWhere }, select: { slug: true } });
      return tag ? `/tags/${tag.slug}` : null;
    }
    case "Author": {
      const author = await db.author.findFirst({ where: { id: target.entityId, ...onReaderVisibleStoryWhere }, select: { slug: true } });
      return author ? `/authors/${author.slug}` : null;
    }
    case "Image": {
      // The widest JPEG readers get of it (as cropped on the desk): the old file's address was its
      // full size. Only while a published story shows it: a photo the desk took off every story
      // (a takedown) is not handed out again by its old address.
      const image = await db.image.findFirst({
        where: { id: target.entityId, placements: { some: { article: readerVisibleWhere } } },
        select: variantSelect,
      });
      if (!image) return null;
      const { base, width } = variantBase(image);
      return variantUrl(base, width, width);
    }
  }
}

/**
 * WordPress's other addresses of a page, each the page's address with a suffix: its AMP version
 * (`/slug/amp/`, the AMP plugin's), its embed (`/slug/embed/`), its trackback, a page of its
 * comments (`/slug/comment-page-2/`), and a later page of a list (`/category/x/page/3/`, the front's
 * `/page/3/`). They lead to the page itself: a list's pages are numbered by another page size here,
 * so page 3 of the old list is not page 3 of the new one, and its first page is the honest answer.
 */
const WORDPRESS_VARIANT = /^(.*)\/(?:amp|embed|trackback|comment-page-\d+|page\/\d+)$/;

/**
 * WordPress's smaller copies of an uploaded photo (`/wp-content/uploads/2024/05/x-300x200.jpg`):
 * they lead where the uploaded file (`x.jpg`) does.
 */
const WORDPRESS_PHOTO_SIZE = /^(\/wp-content\/uploads\/.+)-\d+x\d+(\.[a-z0-9]+)$/;

/** WordPress's feed addresses: `/feed/`, `/category/x/feed/`, and their `rss2`, `atom`, `rdf` spellings. */
const WORDPRESS_FEED = /^(.*)\/feed(?:\/(?:rss|rss2|atom|rdf))?$/;

/**
 * The address an old one forwards to now, or null. Asked only once no live page matched. An old
 * feed address that no record has (feed readers keep subscribing to them) forwards to the feed of
 * what it was the feed of: the site's (`/feed/`, `/?feed=rss2`), or a section's (`/category/x/feed/`,
 * `/?cat=5&feed=rss2`); WordPress's tag, author and comment feeds
 * have no counterpart here. An AMP, embed, comments or later-page address forwards as its page does,
 * and a smaller copy of a photo as the photo's file.
 */
export async function resolveOldPath(input: string): Promise<string | null> {
  const path = normalizeOldPath(input);
  if (!path) return null;
  const row = await db.pathRedirect.findUnique({ where: { fromPath: path } });
  if (!row) {
    const query = /^\/\?(?:(.+)&)?feed=(.+)$/.exec(path);
    if (query) {
      // Comment feeds have no counterpart; the site's feed is /feed.xml; a category's, its section's.
      if (query[2]!.startsWith("comments")) return null;
      if (!query[1]) return "/feed.xml";
      const of = await db.pathRedirect.findUnique({ where: { fromPath: `/?${query[1]}` } });
      const section = of?.entityType === "Section" ? await currentAddress({ entityType: "Section", entityId: of.entityId }) : null;
      return section && `${section}/feed.xml`;
    }
    const sized = WORDPRESS_PHOTO_SIZE.exec(path);
    if (sized) return resolveOldPath(`${sized[1]}${sized[2]}`);
    const variantOf = WORDPRESS_VARIANT.exec(path)?.[1];
    if (variantOf !== undefined) return variantOf === "" ? "/" : resolveOldPath(variantOf);
    const feedOf = WORDPRESS_FEED.exec(path)?.[1];
    if (feedOf === undefined) return null;
    if (feedOf === "") return "/feed.xml";
    const of = await db.pathRedirect.findUnique({ where: { fromPath: feedOf } });
    const section = of?.entityType === "Section" ? await currentAddress({ entityType: "Section", entityId: of.entityId }) : null;
    return section && `${section}/feed.xml`;
  }
  const to = await currentAddress({ entityType: row.entityType as RedirectTarget["entityType"], entityId: row.entityId });
  return to && normalizeOldPath(to) !== path ? to : null;
}
