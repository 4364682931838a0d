import { z } from "zod";
import { db } from "../../db";
import { recordAudit } from "../../audit/mutations";
import type { Viewer } from "../../auth/viewer";
import { AppError } from "../../errors";
import { hasPermission } from "../../auth/permissions";
import { storyScope, isOwnStory, toStoryFacts, storyFactsSelect } from "../policy";

export const deleteArticleSchema = z.object({ id: z.string().min(1), version: z.coerce.number().int().min(1) });

/**
 * Deletes a story that was never published (editors, or a writer's own draft). A story
 * that was ever published can only be unpublished: its URL and corrections are on record.
 */
export async function deleteArticle(viewer: Viewer, input: z.output<typeof deleteArticleSchema>) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: input.id }, storyScope(viewer)] },
      select: { ...storyFactsSelect, id: true, slug: true, headline: true, version: true, firstPublishedAt: true },
    });
    if (!article) throw new AppError("not_found", "That story does not exist or you cannot see it.");
    if (article.firstPublishedAt)
      throw new AppError("invalid", "This story has been published, so it can only be unpublished, not deleted.");
    const own = isOwnStory(viewer, toStoryFacts(article)) && article.status === "DRAFT";
    if (!hasPermission(viewer.role, "article.delete") && !own) throw new AppError("forbidden", "You can delete only your own drafts.");
    if (article.version !== input.version)
      throw new AppError("conflict", "Someone changed this story since you opened it. Reload before deleting.");
    await tx.article.delete({ where: { id: article.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "article.delete",
      entityType: "Article",
      entityId: article.id,
      data: { slug: article.slug, headline: article.headline },
    });
    return { id: article.id };
  });
}
