import { z } from "zod";
import { db } from "../../db";
import { recordAudit } from "../../audit/mutations";
import { assertPermission, type Viewer } from "../../auth/viewer";
import { AppError, parseOrThrow } from "../../errors";
import { CorrectionKind } from "../../generated/prisma/enums";
import { writeRevision } from "../snapshot";
import { claimVersion, staleVersion } from "./update";

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  CORRECTION: "Correction",
  CLARIFICATION: "Clarification",
  UPDATE: "Update",
  EDITORS_NOTE: "Editor's note",
};

export const addCorrectionSchema = z.object({
  articleId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  kind: z.enum(CorrectionKind, { error: "Choose the kind of note." }),
  text: z
    .string()
    .trim()
    .min(10, "Write the note readers will see (at least 10 characters).")
    .max(2000, "Keep the note under 2000 characters."),
});
export type AddCorrectionInput = z.input<typeof addCorrectionSchema>;

/** Adds a public correction, clarification, update or editor's note to a story that has been published (editors). */
export async function addCorrection(viewer: Viewer, input: AddCorrectionInput, now = new Date()) {
  assertPermission(viewer, "article.correct", "Only editors can add corrections.");
  const data = parseOrThrow(addCorrectionSchema, input);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: data.articleId },
      select: { id: true, version: true, firstPublishedAt: true, updatedAt: true, updatedBy: { select: { name: true } } },
    });
    if (!article) throw new AppError("not_found", "That story no longer exists.");
    if (!article.firstPublishedAt) throw new AppError("invalid", "Only a story that has been published can carry a correction.");
    if (article.version !== data.version) throw staleVersion(article);
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
    return { id: correction.id, version: data.version + 1 };
  });
}
