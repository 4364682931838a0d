import type { Tx } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { PlacementRole } from "../generated/prisma/enums";
import type { ArticleFields } from "./schema";
import { bodyToText, inlineImageNodes } from "./body";

/** Refuses a slug another story holds, or one that still redirects to another story. */
export async function assertSlugAvailable(tx: Tx, slug: string, articleId: string | null): Promise<void> {
  const [taken, redirect] = await Promise.all([
    tx.article.findUnique({ where: { slug }, select: { id: true } }),
    tx.redirect.findUnique({ where: { fromSlug: slug }, select: { articleId: true } }),
  ]);
  if (taken && taken.id !== articleId) {
    const message = "Another story already has this slug.";
    throw new AppError("conflict", message, { slug: [message] });
  }
  if (redirect && redirect.articleId !== articleId) {
    const message = "This slug is an old address of another story and still redirects there.";
    throw new AppError("conflict", message, { slug: [message] });
  }
}

/** Checks that the section, bylines, tags and hero photo a save names all exist. */
export async function assertReferencesExist(tx: Tx, data: ArticleFields): Promise<void> {
  const errors: FieldErrors = {};
  const inlineIds = [...new Set(inlineImageNodes(data.body).map((n) => n.imageId))];
  const [section, authors, tags, hero, inline] = await Promise.all([
    data.sectionId ? tx.section.findUnique({ where: { id: data.sectionId }, select: { id: true } }) : null,
    tx.author.count({ where: { id: { in: data.authorIds } } }),
    tx.tag.count({ where: { id: { in: data.tagIds } } }),
    data.hero ? tx.image.findUnique({ where: { id: data.hero.imageId }, select: { id: true } }) : null,
    tx.image.count({ where: { id: { in: inlineIds } } }),
  ]);
  if (data.sectionId && !section) errors.sectionId = ["That section no longer exists."];
  if (authors !== new Set(data.authorIds).size) errors.authorIds = ["One of the bylines no longer exists."];
  if (tags !== new Set(data.tagIds).size) errors.tagIds = ["One of the tags no longer exists."];
  if (data.hero && !hero) errors["hero.imageId"] = ["That photo is no longer in the library."];
  if (inline !== inlineIds.length) errors.body = ["A photo in the body is no longer in the library. Remove it or choose another."];
  if (Object.keys(errors).length > 0) throw new AppError("invalid", "Some fields need attention.", errors);
}

/** The story's own columns from a save, with the body's plain text kept in step. */
export function articleColumns(data: ArticleFields) {
  return {
    slug: data.slug,
    headline: data.headline,
    dek: data.dek,
    dateline: data.dateline,
    body: data.body,
    bodyText: bodyToText(data.body),
    sectionId: data.sectionId ?? null,
    seoTitle: data.seoTitle || null,
    seoDescription: data.seoDescription || null,
    canonicalUrl: data.canonicalUrl ?? null,
    language: data.language ?? null,
  };
}

/** The nested writes that set a story's bylines, tags, sources and hero photo from a save. */
export function relationCreates(data: ArticleFields) {
  const authorIds = [...new Set(data.authorIds)];
  return {
    authors: { create: authorIds.map((authorId, position) => ({ authorId, position })) },
    tags: { create: [...new Set(data.tagIds)].map((tagId) => ({ tagId })) },
    sources: {
      create: data.sources.map((s, position) => ({
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        kind: s.kind,
        note: s.note,
        accessedAt: s.accessedAt ?? null,
        archivedUrl: s.archivedUrl ?? null,
        position,
      })),
    },
    images: {
      create: [
        ...(data.hero
          ? [
              {
                imageId: data.hero.imageId,
                role: PlacementRole.HERO,
                caption: data.hero.caption || null,
                credit: data.hero.credit || null,
                agency: data.hero.agency || null,
                altText: data.hero.altText || null,
                creditLine: data.hero.creditLine || null,
              },
            ]
          : []),
        // Inline photos are placements too, so "where is this photo used" and the publish check see them.
        ...inlineImageNodes(data.body).map((node, position) => ({
          imageId: node.imageId,
          role: PlacementRole.INLINE,
          position,
          caption: node.caption || null,
          credit: node.credit || null,
          altText: node.alt || null,
        })),
      ],
    },
  };
}

/** Removes the relations `relationCreates` will write again. */
export async function clearRelations(tx: Tx, articleId: string): Promise<void> {
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.sourceLink.deleteMany({ where: { articleId } });
  await tx.articleImage.deleteMany({ where: { articleId } });
}
