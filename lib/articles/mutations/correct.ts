import { db } from "../../db";
import { recordAudit } from "../../audit/mutations";
import type { Viewer } from "../../auth/viewer";
import { AppError, parseOrThrow } from "../../errors";
import { assertStory, storyFactsSelect, toStoryFacts } from "../policy";
import { addCorrectionSchema, CORRECTION_KIND_LABELS, type AddCorrectionInput } from "../schema";
import { writeRevision } from "../snapshot";
import { claimVersion, staleVersion } from "./update";
import { notifyWorkflow } from "../../notifications/fanout";

/** Adds a public correction, clarification, update or editor's note to a story that has been published (editors). */
export async function addCorrection(viewer: Viewer, input: AddCorrectionInput, now = new Date()) {
  const data = parseOrThrow(addCorrectionSchema, input);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: data.articleId },
      select: { ...storyFactsSelect, id: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if (!article) throw new AppError("not_found", "That story no longer exists.");
    assertStory(viewer, toStoryFacts(article), "correct");
    if (article.version !== data.version) throw await staleVersion(article, data.version);
    // A correction is a material change: readers and dateModified see the new time.
    await claimVersion(tx, article.id, data.version, { contentUpdatedAt: now, updatedById: viewer.id });
    const revisionId = await writeRevision(tx, article.id, viewer.id, CORRECTION_KIND_LABELS[data.kind]);
    const correction = await tx.correction.create({
      data: { articleId: article.id, kind: data.kind, text: data.text, authorId: viewer.id, revisionId, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "article.correct",
      entityType: "Article",
      entityId: article.id,
      data: { correctionId: correction.id, kind: data.kind },
    });
    await notifyWorkflow(tx, { articleId: article.id, kind: "CORRECTED", actor: { id: viewer.id, name: viewer.name } });
    return { id: correction.id, version: data.version + 1 };
  });
}
