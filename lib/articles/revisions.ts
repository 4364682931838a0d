import { z } from "zod";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { storyScope } from "./policy";
import { storyVersionSchema } from "./schema";
import type { ArticleSnapshot } from "./snapshot";
import { idsToName, type CompareNames, type StoryRefs } from "./compare";
import { updateArticle } from "./mutations/update";
import { photoTitle, placementFields } from "../media/schema";

async function assertInScope(viewer: Viewer, articleId: string) {
  const found = await db.article.count({ where: { AND: [{ id: articleId }, storyScope(viewer)] } });
  if (!found) throw new AppError("not_found", "That story does not exist or you cannot see it.");
}

/** A story's revisions, newest first. */
export async function listRevisions(viewer: Viewer, articleId: string) {
  await assertInScope(viewer, articleId);
  return db.revision.findMany({
    where: { articleId },
    select: { id: true, version: true, note: true, createdAt: true, author: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
  });
}

export async function getRevision(viewer: Viewer, articleId: string, revisionId: string) {
  await assertInScope(viewer, articleId);
  const revision = await db.revision.findFirst({
    where: { id: revisionId, articleId },
    select: {
      id: true,
      version: true,
      note: true,
      createdAt: true,
      snapshot: true,
      bodyRevisionId: true,
      author: { select: { name: true } },
    },
  });
  if (!revision) throw new AppError("not_found", "That revision does not exist.");
  const { bodyRevisionId, ...rest } = revision;
  const snapshot = revision.snapshot as unknown as ArticleSnapshot;
  // A body equal to an earlier revision's is stored there only (writeRevision).
  if (bodyRevisionId) {
    const holder = await db.revision.findUnique({ where: { id: bodyRevisionId }, select: { snapshot: true } });
    snapshot.body = (holder?.snapshot as unknown as ArticleSnapshot | undefined)?.body ?? { type: "doc", content: [] };
  }
  return { ...rest, snapshot };
}

/**
 * The names of the sections, bylines, tags and photos that stories being compared refer to
 * (deleted ones are left out: the diff says so). Every desk user may see them all in the pickers.
 */
export async function compareNames(stories: StoryRefs[]): Promise<CompareNames> {
  const ids = idsToName(stories);
  const [sections, authors, tags, photos] = await Promise.all([
    db.section.findMany({ where: { id: { in: ids.sections } }, select: { id: true, name: true } }),
    db.author.findMany({ where: { id: { in: ids.authors } }, select: { id: true, name: true } }),
    db.tag.findMany({ where: { id: { in: ids.tags } }, select: { id: true, name: true } }),
    db.image.findMany({ where: { id: { in: ids.photos } }, select: { id: true, caption: true, originalFilename: true, createdAt: true } }),
  ]);
  const byId = <T extends { id: string }>(rows: T[], name: (row: T) => string) => Object.fromEntries(rows.map((r) => [r.id, name(r)]));
  // Frames of one series often share a caption, phones a file name: photos called alike are told
  // apart, or a swap of one for the other would not show in the diff.
  const titles = photos.map(photoTitle);
  const alike = (title: string) => titles.filter((t) => t === title).length > 1;
  return {
    sections: byId(sections, (s) => s.name),
    authors: byId(authors, (a) => a.name),
    tags: byId(tags, (t) => t.name),
    photos: byId(photos, (p) => {
      const title = photoTitle(p);
      return alike(title) ? `${title} (added ${p.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC, #${p.id.slice(-6)})` : title;
    }),
  };
}

/**
 * The refs of an editor's unsaved version, as the conflict view sends them. Looser than the save's
 * limits (20 bylines, 30 tags): a version the save refused can still be compared.
 */
export const storyRefsSchema = z.object({
  sectionId: z.string().max(40).nullable(),
  authorIds: z.array(z.string().max(40)).max(50),
  tagIds: z.array(z.string().max(40)).max(200),
  hero: z.object({ imageId: z.string().max(40) }).nullable(),
});

export const restoreRevisionSchema = z.object({
  articleId: z.string().min(1),
  revisionId: z.string().min(1),
  version: storyVersionSchema,
});

/** Restores a revision's content as a new save (which makes a new revision); the status stays as it is. */
export async function restoreRevision(viewer: Viewer, input: z.output<typeof restoreRevisionSchema>) {
  const { snapshot, version } = await getRevision(viewer, input.articleId, input.revisionId);
  const hero = snapshot.images.find((i) => i.role === "HERO");
  // A revision from before stories had a language of their own says nothing of it (its story was
  // in the site's only because none could be set): the story keeps the one it has.
  const language =
    snapshot.language !== undefined
      ? snapshot.language
      : ((await db.article.findUnique({ where: { id: input.articleId }, select: { language: true } }))?.language ?? null);
  return updateArticle(viewer, {
    id: input.articleId,
    version: input.version,
    headline: snapshot.headline,
    slug: snapshot.slug,
    dek: snapshot.dek,
    dateline: snapshot.dateline,
    sectionId: snapshot.sectionId,
    authorIds: snapshot.authors.map((a) => a.authorId),
    tagIds: snapshot.tags.map((t) => t.tagId),
    body: snapshot.body as never,
    seoTitle: snapshot.seoTitle,
    seoDescription: snapshot.seoDescription,
    canonicalUrl: snapshot.canonicalUrl,
    language,
    sources: snapshot.sources,
    hero: hero ? placementFields(hero) : null,
    materialUpdate: true,
  }).then((saved) => ({ ...saved, restoredVersion: version }));
}
