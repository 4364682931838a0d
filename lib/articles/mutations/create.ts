import { db, type Tx } from "../../db";
import { recordAudit } from "../../audit/mutations";
import { assertPermission, type Viewer } from "../../auth/viewer";
import { parseOrThrow } from "../../errors";
import { articleColumns, assertReferencesExist, assertSlugAvailable, relationCreates } from "../relations";
import { createArticleSchema, type CreateArticleInput } from "../schema";
import { writeRevision } from "../snapshot";

export type SavedArticle = { id: string; slug: string; version: number };

/** Creates a draft story (any signed-in role). */
/**
 * `alongside` runs inside the same transaction, after the story is written: what must exist with the
 * story or not at all (the wire desk's record of the item a story was taken from).
 */
export async function createArticle(
  viewer: Viewer,
  input: CreateArticleInput,
  alongside?: (tx: Tx, article: SavedArticle) => Promise<void>,
): Promise<SavedArticle> {
  assertPermission(viewer, "article.create");
  const data = parseOrThrow(createArticleSchema, input);
  return db.$transaction(async (tx) => {
    await assertSlugAvailable(tx, data.slug, null);
    await assertReferencesExist(tx, data);
    const article = await tx.article.create({
      data: {
        ...articleColumns(data),
        createdById: viewer.id,
        updatedById: viewer.id,
        ...relationCreates(data),
      },
      select: { id: true, slug: true, version: true },
    });
    await writeRevision(tx, article.id, viewer.id, "Created");
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "article.create",
      entityType: "Article",
      entityId: article.id,
      data: { slug: article.slug },
    });
    await alongside?.(tx, article);
    return article;
  });
}
