import type { z } from "zod";
import { db } from "../../db";
import { recordAudit } from "../../audit/mutations";
import type { Viewer } from "../../auth/viewer";
import { AppError } from "../../errors";
import { deleteArticleSchema } from "../schema";
import { assertStory, storyScope, toStoryFacts, storyFactsSelect } from "../policy";

/**
 * Deletes a story that was never published (editors, or a writer's own draft). A story
 * that was ever published can only be unpublished: its URL and corrections are on record.
 */
export async function deleteArticle(viewer: Viewer, input: z.output<typeof deleteArticleSchema>) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { AND: [{ id: input.id }, storyScope(viewer)] },
      select: { ...storyFactsSelect, id: true, slug: true, headline: true, version: true },
    });
    if (!article) throw new AppError("not_found", "That story does not exist or you cannot see it.");
    assertStory(viewer, toStoryFacts(article), "delete");
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
