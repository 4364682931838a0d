import { db } from "../../db";
import { recordAudit } from "../../audit/mutations";
import { assertPermission, type Viewer } from "../../auth/viewer";
import { AppError, parseOrThrow } from "../../errors";
import { ArticleStatus } from "../../generated/prisma/enums";
import { storyScope } from "../policy";
import { writeRevision } from "../snapshot";
import { publishProblems, readinessSelect, STATUS_LABELS, transitionArticleSchema, type TransitionArticleInput } from "../workflow";
import { TRANSITIONS } from "../policy";
import { claimVersion, staleVersion } from "./update";
import type { SavedArticle } from "./create";

const S = ArticleStatus;

/** Moves a story through the workflow (submit, schedule, publish, unpublish, return to draft) as the permission table allows. */
export async function transitionArticle(viewer: Viewer, input: TransitionArticleInput, now = new Date()): Promise<SavedArticle> {
  const data = parseOrThrow(transitionArticleSchema, input);
  return db.$transaction(async (tx) => {
    // Writers' scope holds only their own stories, so they can move nobody else's.
    const current = await tx.article.findFirst({
      where: { AND: [{ id: data.id }, storyScope(viewer)] },
      select: {
        id: true,
        version: true,
        status: true,
        firstPublishedAt: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        ...readinessSelect,
      },
    });
    if (!current) throw new AppError("not_found", "That story does not exist or you cannot see it.");
    if (current.version !== data.version) throw staleVersion(current);
    const permission = TRANSITIONS[current.status][data.to];
    if (!permission) {
      throw new AppError(
        "invalid",
        `A story that is ${STATUS_LABELS[current.status].toLowerCase()} cannot be moved to ${STATUS_LABELS[data.to].toLowerCase()}.`,
      );
    }
    assertPermission(viewer, permission, `Your role cannot move a story to ${STATUS_LABELS[data.to].toLowerCase()}.`);

    if (data.to === S.PUBLISHED || data.to === S.SCHEDULED) {
      const problems = publishProblems(current, now);
      if (problems.length > 0) {
        throw new AppError("invalid", `This story cannot go live yet. It needs ${problems.join(", ")}.`, undefined, { problems });
      }
    }
    if (data.to === S.SCHEDULED && data.scheduledFor && data.scheduledFor <= now) {
      throw new AppError("invalid", "Choose a time in the future.", { scheduledFor: ["Choose a time in the future."] });
    }

    const publishing = data.to === S.PUBLISHED;
    await claimVersion(tx, current.id, data.version, {
      status: data.to,
      updatedById: viewer.id,
      scheduledFor: data.to === S.SCHEDULED ? data.scheduledFor : null,
      ...(publishing
        ? {
            publishedAt: now,
            firstPublishedAt: current.firstPublishedAt ?? now,
            ...(current.firstPublishedAt ? {} : { contentUpdatedAt: now }),
          }
        : {}),
    });
    await writeRevision(tx, current.id, viewer.id, `${STATUS_LABELS[current.status]} → ${STATUS_LABELS[data.to]}`);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `article.${data.to.toLowerCase()}`,
      entityType: "Article",
      entityId: current.id,
      data: { from: current.status, to: data.to, reason: data.reason || undefined, scheduledFor: data.scheduledFor ?? undefined },
    });
    return { id: current.id, slug: current.slug, version: data.version + 1 };
  });
}
