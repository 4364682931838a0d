import { cache } from "react";
import { db } from "../db";
import { ArticleStatus } from "../generated/prisma/enums";
import type { Viewer } from "../auth/viewer";
import {
  articleCardSelect,
  figureImageSelect,
  publicArticleSelect,
  toArticleCard,
  toFigure,
  toPublicArticle,
  type ArticleCard,
  type Figure,
  type PublicArticle,
} from "./dto";
import type { BodyDoc } from "./body";
import { isReaderVisible, readerVisibleWhere, storyScope } from "./policy";

/** Only live stories reach readers. */
const published = readerVisibleWhere;

export type PublishedFilter = { sectionSlug?: string; authorSlug?: string; tagSlug?: string; since?: Date };

function publishedWhere({ sectionSlug, authorSlug, tagSlug, since }: PublishedFilter) {
  return {
    ...published,
    ...(sectionSlug ? { section: { slug: sectionSlug } } : {}),
    ...(authorSlug ? { authors: { some: { author: { slug: authorSlug } } } } : {}),
    ...(tagSlug ? { tags: { some: { tag: { slug: tagSlug } } } } : {}),
    ...(since ? { firstPublishedAt: { gte: since } } : {}),
  };
}

/** How many published stories match, for pagination. */
export function countPublishedArticles(filter: PublishedFilter = {}) {
  return db.article.count({ where: publishedWhere(filter) });
}

/** Published stories, newest first, optionally within one section, by one author or under one tag. */
export async function listPublishedArticles({
  limit = 20,
  offset = 0,
  ...filter
}: { limit?: number; offset?: number } & PublishedFilter = {}): Promise<ArticleCard[]> {
  const rows = await db.article.findMany({
    where: publishedWhere(filter),
    select: articleCardSelect,
    orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
    take: Math.min(limit, 100),
    skip: offset,
  });
  return rows.map(toArticleCard);
}

/** A published story by slug, or null (drafts, scheduled and unpublished stories included). */
export async function getPublishedArticleBySlug(slug: string): Promise<(PublicArticle & { figures: Map<string, Figure> }) | null> {
  const row = await db.article.findFirst({ where: { slug, ...published }, select: publicArticleSelect });
  if (!row) return null;
  const article = toPublicArticle(row);
  return { ...article, figures: await inlineFigures(article.body) };
}

/** Any story in the viewer's scope, shaped exactly as the public page shows it (editor preview); read once per request (the title and the page ask it). */
export const getArticlePreview = cache(async function getArticlePreview(
  viewer: Viewer,
  id: string,
): Promise<(PublicArticle & { figures: Map<string, Figure>; status: ArticleStatus }) | null> {
  const row = await db.article.findFirst({
    where: { AND: [{ id }, storyScope(viewer)] },
    select: { ...publicArticleSelect, status: true },
  });
  if (!row) return null;
  const article = toPublicArticle(row);
  return { ...article, status: row.status, figures: await inlineFigures(article.body) };
});

/** A story's audit trail, newest first, within the viewer's scope. */
export async function listArticleAudit(viewer: Viewer, id: string) {
  const inScope = await db.article.count({ where: { AND: [{ id }, storyScope(viewer)] } });
  if (!inScope) return null;
  return db.auditEvent.findMany({
    where: { entityType: "Article", entityId: id },
    select: { id: true, action: true, data: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** The photos placed inside a body, with each node's caption, credit and alt overrides. */
export async function inlineFigures(body: BodyDoc): Promise<Map<string, Figure>> {
  const nodes = body.content.filter((n) => n.type === "image");
  if (nodes.length === 0) return new Map();
  const images = await db.image.findMany({ where: { id: { in: nodes.map((n) => n.attrs.imageId) } }, select: figureImageSelect });
  const byId = new Map(images.map((i) => [i.id, i]));
  const figures = new Map<string, Figure>();
  for (const node of nodes) {
    const image = byId.get(node.attrs.imageId);
    if (image)
      figures.set(image.id, toFigure(image, { caption: node.attrs.caption, creditLine: node.attrs.credit, altText: node.attrs.alt }));
  }
  return figures;
}

/** A few other live stories from the same section or sharing a tag, newest first. */
export async function listRelatedArticles(
  article: { id: string; section: { slug: string } | null; tags: { slug: string }[] },
  limit = 3,
): Promise<ArticleCard[]> {
  const rows = await db.article.findMany({
    where: {
      ...published,
      id: { not: article.id },
      OR: [
        ...(article.tags.length ? [{ tags: { some: { tag: { slug: { in: article.tags.map((t) => t.slug) } } } } }] : []),
        ...(article.section ? [{ section: { slug: article.section.slug } }] : []),
      ],
    },
    select: articleCardSelect,
    orderBy: [{ firstPublishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toArticleCard);
}

/** Where an old slug of a published story now lives, or null. */
export async function resolveRedirect(slug: string): Promise<string | null> {
  const redirect = await db.redirect.findUnique({
    where: { fromSlug: slug },
    select: { article: { select: { slug: true, status: true, section: { select: { slug: true } } } } },
  });
  if (!redirect || !isReaderVisible(redirect.article.status)) return null;
  return `/${redirect.article.section?.slug ?? "news"}/${redirect.article.slug}`;
}

/** Whether a slug is free for a story (its own slug counts as free). */
export async function isSlugAvailable(slug: string, articleId: string | null = null): Promise<boolean> {
  const [article, redirect] = await Promise.all([
    db.article.findUnique({ where: { slug }, select: { id: true } }),
    db.redirect.findUnique({ where: { fromSlug: slug }, select: { articleId: true } }),
  ]);
  return (!article || article.id === articleId) && (!redirect || redirect.articleId === articleId);
}
