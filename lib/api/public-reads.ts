import { archiveUrl } from "../sources/archive-url";
import { z } from "zod";
import { toAuthorKind } from "../authors/schema";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { articleCardSelect, articlePath, figureImageSelect, type Figure } from "../articles/dto";
import { getPublishedArticleBySlug, resolveRedirect } from "../articles/queries";
import { resolveOldPath } from "../import/redirects";
import { bodyToHtml } from "../articles/body-html";
import { creditLine } from "../media/schema";
import { VARIANT_FORMATS, variantKey, variantUrl, variantWidths } from "../media/variants";
import { mediaUrl } from "../media/urls";
import type { Prisma } from "../generated/prisma/client";
import type { photoSchema, storySchema, storySummarySchema } from "./schemas";
import { toCredentials } from "../provenance/dto";
import { onReaderVisibleStoryWhere, readerVisibleWhere } from "../articles/policy";
import { readSiteSettings } from "../settings/queries";
import { storyLanguage } from "../articles/language";

// What the open read API serves: published stories only (drafts, scheduled and unpublished
// stories never), and their sections, bylines, tags and photos.

const published = readerVisibleWhere;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const absolute = (path: string) => `${env.DATELINE_SITE_URL.replace(/\/$/, "")}${path}`;

export const storyListQuerySchema = z.object({
  section: z.string().trim().max(200).optional().describe("A section's slug."),
  tag: z.string().trim().max(200).optional().describe("A tag's slug."),
  byline: z.string().trim().max(200).optional().describe("A byline's slug."),
  updatedSince: z.coerce
    .date({ error: "Give a date and time, such as 2026-12-01T00:00:00Z." })
    .optional()
    .describe("Only stories changed at or after this time (any change, a minor fix included: compare with `modifiedAt`)."),
  cursor: z.string().max(500).optional(),
  limit: z.coerce
    .number({ error: "Give a number from 1 to 100." })
    .int("Give a whole number.")
    .min(1, "Give a number from 1 to 100.")
    .max(100, "Give a number from 1 to 100.")
    .default(20),
});
export type StoryListQuery = z.output<typeof storyListQuerySchema>;

/** Opaque cursors: the last item's sort key. */
export function encodeCursor(value: { at: string | null; id: string }): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
export function decodeCursor(cursor: string): { at: string | null; id: string } {
  try {
    const value = z
      .object({ at: z.string().nullable(), id: z.string() })
      .parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (value.at !== null && Number.isNaN(Date.parse(value.at))) throw new Error();
    return value;
  } catch {
    throw new AppError("invalid", "This cursor is not one the API gave out.", { cursor: ["This cursor is not one the API gave out."] });
  }
}

const summarySelect = { ...articleCardSelect, version: true } satisfies Prisma.ArticleSelect;
type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summarySelect }>;
function toSummary(row: SummaryRow, site: { language: string }): z.input<typeof storySummarySchema> {
  const path = articlePath(row);
  return {
    id: row.id,
    slug: row.slug,
    path,
    url: absolute(path),
    headline: row.headline,
    dek: row.dek,
    language: storyLanguage(row, site),
    section: row.section,
    bylines: row.authors.map((a) => a.author),
    publishedAt: iso(row.firstPublishedAt),
    updatedAt: iso(row.contentUpdatedAt),
    modifiedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Published stories, newest first, filtered, one cursor page at a time. */
export async function listPublicStories(query: StoryListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.ArticleWhereInput = {
    ...published,
    ...(query.section ? { section: { slug: query.section } } : {}),
    ...(query.byline ? { authors: { some: { author: { slug: query.byline } } } } : {}),
    ...(query.tag ? { tags: { some: { tag: { slug: query.tag } } } } : {}),
    ...(query.updatedSince ? { updatedAt: { gte: query.updatedSince } } : {}),
    ...(after
      ? {
          OR: after.at
            ? [{ firstPublishedAt: { lt: new Date(after.at) } }, { firstPublishedAt: new Date(after.at), id: { lt: after.id } }]
            : [{ firstPublishedAt: null, id: { lt: after.id } }],
        }
      : {}),
  };
  const [rows, site] = await Promise.all([
    db.article.findMany({
      where,
      select: summarySelect,
      orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
    }),
    readSiteSettings(),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toSummary(row, site)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: iso(last.firstPublishedAt), id: last.id }) : null,
  };
}

function placed(figure: Figure) {
  return {
    photoId: figure.imageId,
    src: figure.src,
    srcSet: figure.srcSet,
    width: figure.width,
    height: figure.height,
    alt: figure.alt,
    caption: figure.caption,
    creditLine: figure.creditLine,
    copyright: figure.copyright,
    credentials: figure.credentials,
  };
}

/** One published story, shaped from the same read and the same body HTML readers get. */
async function storyBySlug(slug: string): Promise<z.input<typeof storySchema> | null> {
  const [article, site] = await Promise.all([getPublishedArticleBySlug(slug), readSiteSettings()]);
  if (!article) return null;
  return {
    id: article.id,
    slug: article.slug,
    path: article.path,
    url: absolute(article.path),
    headline: article.headline,
    dek: article.dek,
    language: storyLanguage(article, site),
    dateline: article.dateline,
    description: article.description,
    seoTitle: article.seoTitle,
    canonicalUrl: article.canonicalUrl,
    section: article.section,
    bylines: article.authors,
    tags: article.tags,
    publishedAt: iso(article.publishedAt),
    updatedAt: iso(article.updatedAt),
    modifiedAt: article.modifiedAt.toISOString(),
    version: article.version,
    hero: article.hero ? placed(article.hero) : null,
    body: { document: article.body, html: bodyToHtml(article.body, article.figures, article.dateline) },
    sources: article.sources.map((s) => ({
      id: s.id,
      url: s.url,
      title: s.title,
      publisher: s.publisher,
      kind: s.kind,
      note: s.note,
      accessedAt: iso(s.accessedAt),
      archivedUrl: s.archivedUrl,
      archivedCopy: s.copy ? { url: archiveUrl(s.copy.id), capturedAt: s.copy.capturedAt.toISOString(), status: s.copy.status } : null,
    })),
    corrections: article.corrections.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

/** A published story by id; a story that ran and was taken down is 410 Gone (see throwIfWithdrawn). */
export async function getPublicStoryById(id: string) {
  const row = await db.article.findFirst({ where: { id, ...published }, select: { slug: true } });
  if (row) return storyBySlug(row.slug);
  await throwIfWithdrawn(id);
  return null;
}

/**
 * The address by-address looks up, from a path or a whole URL: a path on this site (http or
 * https, with or without "www."), or null for another site's URL. A story's address (two parts, as the site's own) without its query; any
 * other with it (an old WordPress address may be `/?p=123`).
 */
export function siteAddress(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input, env.DATELINE_SITE_URL);
  } catch {
    return null;
  }
  // The site's own host, whatever the scheme or a "www." before it (a partner may keep http:// links).
  const host = (u: URL) => u.host.replace(/^www\./, "");
  if (host(url) !== host(new URL(env.DATELINE_SITE_URL))) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  return segments.length === 2 ? `/${segments.join("/")}` : `${url.pathname}${url.search}`;
}

/**
 * A published story by its address on this site (see siteAddress): `/section/slug`, an old slug
 * of it, or an address the site had before it moved here (lib/import/redirects.ts), as the site
 * itself forwards them. Any other path names no story. A story taken down is not told apart from
 * one that never was here (its slug may have been renamed since to one never public): by id it is 410.
 */
export async function getPublicStoryByPath(input: string) {
  const address = siteAddress(input);
  if (!address) return null;
  // An address the site had before it moved here names what it named then: a story's is that
  // story, a tag's or byline's (`/tag/brexit/` → /tags/brexit) is no story, even one whose slug is "brexit".
  const old = await resolveOldPath(address);
  if (old) {
    const [first, second, ...more] = old.split("/").filter(Boolean);
    const story = second && !more.length && first ? await storyBySlug(second) : null;
    return story?.path === old ? story : null;
  }
  const segments = address.split("?")[0]!.split("/").filter(Boolean);
  if (segments.length !== 2) return null;
  const slug = segments[1]!;
  const story = await storyBySlug(slug);
  if (story) return story;
  const moved = await resolveRedirect(slug);
  return moved ? storyBySlug(moved.split("/").at(-1)!) : null;
}

/**
 * A story that readers could read and no longer can (unpublished, or taken back to the desk) is
 * answered 410 Gone by id, not 404: a partner that copied it learns to take its copy down (a 404
 * is a story that never ran, or an id that never was). Its id was public while it ran.
 */
async function throwIfWithdrawn(id: string): Promise<void> {
  const gone = await db.article.findFirst({
    where: { id, firstPublishedAt: { not: null }, NOT: published },
    select: { id: true },
  });
  if (gone) throw new AppError("gone", "This story was published and has since been taken down: remove your copy of it.");
}

export async function listPublicSections() {
  const rows = await db.section.findMany({
    select: { id: true, name: true, slug: true, description: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  return { data: rows };
}

/**
 * Tags and bylines: the open API's, those on at least one published story; the desk API's (`all`),
 * every one, so that a script can give a story a byline or tag made today.
 */
export async function listApiTags(which: "published" | "all" = "published") {
  const rows = await db.tag.findMany({
    where: which === "all" ? {} : onReaderVisibleStoryWhere,
    select: { id: true, name: true, slug: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  return { data: rows };
}
export async function listApiBylines(which: "published" | "all" = "published") {
  const rows = await db.author.findMany({
    where: which === "all" ? {} : onReaderVisibleStoryWhere,
    select: { id: true, name: true, slug: true, title: true, bio: true, kind: true },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  return { data: rows.map((row) => ({ ...row, kind: toAuthorKind(row.kind) })) };
}

/** A photo that a published story shows (others are not public), with its variant URLs. */
export async function getPublicPhoto(id: string): Promise<{ photo: z.input<typeof photoSchema>; storySlugs: string[] } | null> {
  const image = await db.image.findFirst({
    where: { id, placements: { some: { article: published } } },
    select: {
      ...figureImageSelect,
      licenseExpiresAt: true,
      placements: { where: { article: published }, select: { article: { select: { slug: true } } } },
    },
  });
  if (!image) return null;
  return {
    storySlugs: [...new Set(image.placements.map((p) => p.article.slug))],
    photo: {
      id: image.id,
      width: image.width,
      height: image.height,
      altText: image.altText,
      caption: image.caption,
      credit: image.credit,
      agency: image.agency,
      creditLine: creditLine(image.credit, image.agency, image.creditLine),
      copyright: image.copyright,
      license: image.license,
      licenseExpiresAt: iso(image.licenseExpiresAt),
      focalPoint: { x: image.focalX, y: image.focalY },
      src: variantUrl(image.sha256, image.width, 1600),
      variants: variantWidths(image.width).flatMap((width) =>
        VARIANT_FORMATS.map((format) => ({ url: mediaUrl(variantKey(image.sha256, width, format)), width, format })),
      ),
      credentials: image.credential ? toCredentials(image.id, image.credential) : null,
    },
  };
}
