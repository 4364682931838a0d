import { sql } from "../db/read-only";
import type { Prisma } from "../generated/prisma/client";
import { figureImageSelect, toArticleCard, toFigure, toPublicArticle, type ArticleCard, type Figure, type PublicArticle } from "./dto";
import type { BodyDoc } from "./body";

/**
 * The public article page's reads, as hand-written SQL on the read-only connection (lib/db/read-only.ts).
 *
 * Each Prisma query costs 0.2–0.8 ms of JavaScript (its query compiler and client) around well
 * under 0.05 ms of SQL, and a story's page needs about ten: the reads alone would cap a story's
 * first render near 250 a second (BENCHMARKS.md). These return exactly what their Prisma twins in
 * queries.ts and sections.ts return, built by the same dto.ts functions; public-reads.int.test.ts
 * compares the two on every published story. On PostgreSQL (DESIGN.md, "Beyond one machine")
 * the Prisma twins are the portable path.
 */

type Row = Record<string, unknown>;

const date = (value: unknown) => (value == null ? null : new Date(value as string));

// The photo's columns are figureImageSelect's fields, so the two reads cannot drift apart.
const IMAGE_FIELDS = Object.keys(figureImageSelect) as (keyof typeof figureImageSelect)[];
const IMAGE_COLUMNS = IMAGE_FIELDS.map((field) => `i.${field}`).join(", ");
const image = (r: Row) => Object.fromEntries(IMAGE_FIELDS.map((field) => [field, r[field]])) as Prisma.ImageGetPayload<{ select: typeof figureImageSelect }>;

function authors(articleId: string) {
  return sql(
    `SELECT au.name, au.slug, au.title FROM ArticleAuthor aa JOIN Author au ON au.id = aa.authorId WHERE aa.articleId = ? ORDER BY aa.position ASC`,
  ).all(articleId) as { name: string; slug: string; title: string | null }[];
}

/** The hero placement: the story's overrides and the library's photo. */
function hero(articleId: string) {
  const r = sql(
    `SELECT ai.caption AS placedCaption, ai.credit AS placedCredit, ai.agency AS placedAgency, ai.altText AS placedAlt, ${IMAGE_COLUMNS}
     FROM ArticleImage ai JOIN Image i ON i.id = ai.imageId WHERE ai.articleId = ? AND ai.role = 'HERO' ORDER BY ai.position ASC LIMIT 1`,
  ).get(articleId) as Row | undefined;
  if (!r) return [];
  return [{ caption: r.placedCaption as string | null, credit: r.placedCredit as string | null, agency: r.placedAgency as string | null, altText: r.placedAlt as string | null, image: image(r) }];
}

const section = (r: Row) => (r.sectionSlug == null ? null : { name: r.sectionName as string, slug: r.sectionSlug as string });

/** A published story by slug, or null: getPublishedArticleBySlug's answer. */
export function readPublishedArticle(slug: string): (PublicArticle & { figures: Map<string, Figure> }) | null {
  const r = sql(
    `SELECT a.id, a.slug, a.headline, a.dek, a.firstPublishedAt, a.contentUpdatedAt, a.dateline, a.body, a.bodyText, a.seoTitle,
            a.seoDescription, a.canonicalUrl, s.name AS sectionName, s.slug AS sectionSlug
     FROM Article a LEFT JOIN Section s ON s.id = a.sectionId WHERE a.slug = ? AND a.status = 'PUBLISHED'`,
  ).get(slug) as Row | undefined;
  if (!r) return null;
  const id = r.id as string;
  const article = toPublicArticle({
    id,
    slug: r.slug as string,
    headline: r.headline as string,
    dek: r.dek as string,
    dateline: r.dateline as string,
    body: JSON.parse(r.body as string),
    bodyText: r.bodyText as string,
    seoTitle: r.seoTitle as string | null,
    seoDescription: r.seoDescription as string | null,
    canonicalUrl: r.canonicalUrl as string | null,
    firstPublishedAt: date(r.firstPublishedAt),
    contentUpdatedAt: date(r.contentUpdatedAt),
    section: section(r),
    authors: authors(id).map((author) => ({ author })),
    tags: (sql(`SELECT t.name, t.slug FROM ArticleTag at JOIN Tag t ON t.id = at.tagId WHERE at.articleId = ? ORDER BY t.name ASC, t.slug ASC`).all(id) as {
      name: string;
      slug: string;
    }[]).map((tag) => ({ tag })),
    images: hero(id),
    sources: (
      sql(`SELECT id, url, title, publisher, kind, note, accessedAt, archivedUrl FROM SourceLink WHERE articleId = ? ORDER BY position ASC`).all(id) as Row[]
    ).map((s) => ({ ...s, accessedAt: date(s.accessedAt) }) as PublicArticle["sources"][number]),
    corrections: (sql(`SELECT id, kind, text, createdAt FROM Correction WHERE articleId = ? ORDER BY createdAt ASC`).all(id) as Row[]).map(
      (c) => ({ ...c, createdAt: date(c.createdAt) }) as PublicArticle["corrections"][number],
    ),
  });
  return { ...article, figures: inlineFigures(article.body) };
}

/** The photos placed inside a body, with each node's overrides (as queries.ts inlineFigures). */
function inlineFigures(body: BodyDoc): Map<string, Figure> {
  const nodes = body.content.filter((n) => n.type === "image");
  const figures = new Map<string, Figure>();
  if (nodes.length === 0) return figures;
  const ids = [...new Set(nodes.map((n) => n.attrs.imageId))];
  const rows = sql(`SELECT ${IMAGE_COLUMNS} FROM Image i WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
  const byId = new Map(rows.map((r) => [r.id as string, image(r)]));
  for (const node of nodes) {
    const found = byId.get(node.attrs.imageId);
    if (found) figures.set(found.id, toFigure(found, { caption: node.attrs.caption, credit: node.attrs.credit, altText: node.attrs.alt }));
  }
  return figures;
}

/**
 * A few other live stories from the same section or sharing a tag, newest first:
 * listRelatedArticles's answer. The two halves run separately, each on its own index (the
 * section's stories by time; each tag's members), and are merged here, so the cost grows with the
 * section's top few and the tags' sizes, not with the archive: one query over both (an OR) read
 * every published story when few of them matched.
 */
export function readRelatedArticles(article: { id: string; section: { slug: string } | null; tags: { slug: string }[] }, limit = 3): ArticleCard[] {
  const columns = "a.id, a.slug, a.headline, a.dek, a.firstPublishedAt, a.contentUpdatedAt, s.name AS sectionName, s.slug AS sectionSlug";
  const newest = "ORDER BY a.firstPublishedAt DESC, a.id DESC LIMIT ?";
  const inSection = article.section
    ? (sql(
        `SELECT ${columns} FROM Article a JOIN Section s ON s.id = a.sectionId
         WHERE s.slug = ? AND a.status = 'PUBLISHED' AND a.id <> ? ${newest}`,
      ).all(article.section.slug, article.id, limit) as Row[])
    : [];
  const sharingTag = article.tags.length
    ? (sql(
        `SELECT DISTINCT ${columns} FROM Tag t CROSS JOIN ArticleTag at CROSS JOIN Article a LEFT JOIN Section s ON s.id = a.sectionId
         WHERE t.slug IN (SELECT value FROM json_each(?)) AND at.tagId = t.id AND a.id = at.articleId AND a.status = 'PUBLISHED' AND a.id <> ? ${newest}`,
      ).all(JSON.stringify(article.tags.map((t) => t.slug)), article.id, limit) as Row[])
    : [];
  const byId = new Map([...inSection, ...sharingTag].map((r) => [r.id as string, r]));
  // Newest first, as SQLite orders them: ISO times compare as text, a missing time last.
  const order = (r: Row) => [(r.firstPublishedAt as string | null) ?? "", r.id as string] as const;
  const rows = [...byId.values()]
    .sort((x, y) => {
      const [tx, ix] = order(x);
      const [ty, iy] = order(y);
      return tx === ty ? (ix < iy ? 1 : ix > iy ? -1 : 0) : tx < ty ? 1 : -1;
    })
    .slice(0, limit);
  return rows.map((r) => {
    const id = r.id as string;
    return toArticleCard({
      id,
      slug: r.slug as string,
      headline: r.headline as string,
      dek: r.dek as string,
      firstPublishedAt: date(r.firstPublishedAt),
      contentUpdatedAt: date(r.contentUpdatedAt),
      section: section(r),
      authors: authors(id).map(({ name, slug }) => ({ author: { name, slug } })),
      images: hero(id),
    });
  });
}

/** Where an old slug of a published story now lives, or null: resolveRedirect's answer. */
export function readRedirect(slug: string): string | null {
  const r = sql(
    `SELECT a.slug, s.slug AS sectionSlug FROM Redirect r JOIN Article a ON a.id = r.articleId LEFT JOIN Section s ON s.id = a.sectionId
     WHERE r.fromSlug = ? AND a.status = 'PUBLISHED'`,
  ).get(slug) as Row | undefined;
  return r ? `/${(r.sectionSlug as string | null) ?? "news"}/${r.slug as string}` : null;
}

/** Sections in masthead order: listSections's answer. */
export function readSections(): { id: string; name: string; slug: string; description: string | null }[] {
  return sql(`SELECT id, name, slug, description FROM Section ORDER BY position ASC, name ASC`).all() as never;
}
