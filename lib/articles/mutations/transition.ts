import { db, type Tx } from "../../db";
import { revokeOpenDraftLinks } from "../../draft-links/mutations";
import { recordAudit } from "../../audit/mutations";
import type { Viewer } from "../../auth/viewer";
import { AppError, parseOrThrow } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { ArticleStatus } from "../../generated/prisma/enums";
import { assertMove, storyFactsSelect, storyScope, toStoryFacts } from "../policy";
import { afterWorkflowMove, assertReturnNote } from "../return-note";
import { writeRevision } from "../snapshot";
import { queueSourceCaptures } from "../../sources/capture";
import {
  isPhotoMetadataProblem,
  publishProblems,
  readinessSelect,
  STATUS_LABELS,
  transitionArticleSchema,
  type TransitionArticleInput,
} from "../workflow";
import { claimVersion, staleVersion } from "./update";
import type { SavedArticle } from "./create";
import { wireFactsForStory } from "../../wire/queries";
import { readSiteSettings } from "../../settings/queries";
import { recordFeedDepartures } from "../../feeds/departures";

const S = ArticleStatus;

/** What a move between statuses reads about the story, inside its transaction. */
export const moveSelect = {
  ...storyFactsSelect,
  ...readinessSelect,
  authors: { select: { authorId: true, author: { select: { userId: true } } } },
  id: true,
  slug: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} satisfies Prisma.ArticleSelect;
type Movable = Prisma.ArticleGetPayload<{ select: typeof moveSelect }>;

export type Move = {
  to: ArticleStatus;
  /** Who moves it; null for the scheduler. */
  actor: Viewer | null;
  scheduledFor?: Date | null;
  reason?: string;
  /** Recorded in the audit log when the move was not a person's ("scheduler"). */
  by?: string;
  /**
   * An import of a story that was live elsewhere (lib/import/): it keeps its original dates, and
   * missing alt text or credits are reported (`warnings`) rather than refusing the move.
   */
  imported?: { publishedAt: Date; modifiedAt: Date | null };
};

/**
 * The one way a story changes status: submit, schedule, publish, unpublish, return to draft. The
 * editor's buttons, the scheduler and the cron endpoint all come here, so a story goes live by the
 * same checks and with the same dates whoever moves it. The caller has checked who may move it
 * (assertMove) and loaded it in `tx`; the move claims the version it read, so a save made in
 * between wins and the move is refused as a conflict.
 *
 * First publication time: the moment the story actually went live, for a scheduled story too
 * (the scheduler's run, normally within a second of the time set). Readers are never shown a
 * publication time before the story could be read.
 */
export async function moveStory(tx: Tx, story: Movable, move: Move, now: Date): Promise<SavedArticle & { warnings: string[] }> {
  let warnings: string[] = [];
  const actorId = move.actor?.id ?? null;
  const change = { id: story.id, from: story.status, to: move.to, note: move.reason ?? "" };
  // A story sent back to its writer needs a note for them (lib/articles/return-note.ts).
  if (move.actor) await assertReturnNote(tx, move.actor, change);
  if (move.to === S.PUBLISHED || move.to === S.SCHEDULED) {
    // A story taken from a wire item waits for its embargo, and never runs once the agency killed it.
    const facts = await wireFactsForStory(tx, story.id);
    // An embargo's end is named in the newsroom's time, and a photo's license runs to the end of its date there.
    const { timeZone } = await readSiteSettings(tx);
    let problems = publishProblems(story, now, { facts, goLiveAt: move.to === S.SCHEDULED ? move.scheduledFor : now, timeZone });
    if (move.imported) {
      warnings = problems.filter(isPhotoMetadataProblem);
      problems = problems.filter((p) => !isPhotoMetadataProblem(p));
    }
    if (problems.length > 0) {
      throw new AppError("invalid", `This story cannot go live yet. It needs ${problems.join(", ")}.`, undefined, { problems });
    }
  }
  if (move.to === S.SCHEDULED && move.scheduledFor && move.scheduledFor <= now) {
    throw new AppError("invalid", "Choose a time in the future.", { scheduledFor: ["Choose a time in the future."] });
  }
  const publishing = move.to === S.PUBLISHED;
  // When it went live: now, or for an imported story the time it first went live where it came from.
  const liveAt = move.imported?.publishedAt ?? now;
  const updatedAt = move.imported ? (move.imported.modifiedAt ?? liveAt) : now;
  await claimVersion(tx, story.id, story.version, {
    status: move.to,
    updatedById: actorId,
    scheduledFor: move.to === S.SCHEDULED ? move.scheduledFor : null,
    ...(publishing
      ? {
          publishedAt: liveAt,
          firstPublishedAt: story.firstPublishedAt ?? liveAt,
          ...(story.firstPublishedAt ? {} : { contentUpdatedAt: updatedAt }),
        }
      : {}),
  });
  await recordFeedDepartures(tx, story, { status: move.to, sectionId: story.sectionId }, now);
  await writeRevision(tx, story.id, actorId, `${STATUS_LABELS[story.status]} → ${STATUS_LABELS[move.to]}`);
  await recordAudit(tx, {
    actorId,
    action: `article.${move.to.toLowerCase()}`,
    entityType: "Article",
    entityId: story.id,
    data: {
      from: story.status,
      to: move.to,
      reason: move.reason || undefined,
      scheduledFor: move.scheduledFor ?? undefined,
      by: move.by,
      imported: move.imported ? { publishedAt: move.imported.publishedAt, missing: warnings } : undefined,
    },
  });
  // Issue 19: an archived copy of each source, fetched in the background (lib/sources/capture.ts). An
  // imported story's sources are left to the link checker, which copies them a few hundred at a time.
  if (publishing && !move.imported) {
    const sources = await tx.sourceLink.findMany({ where: { articleId: story.id }, select: { url: true } });
    await queueSourceCaptures(
      tx,
      story.id,
      sources.map((s) => s.url),
      "publish",
      actorId,
      now,
    );
  }
  // Taken down: the links shared while it was in the works or live stop with it.
  if (move.to === S.UNPUBLISHED) await revokeOpenDraftLinks(tx, story.id, actorId, "unpublished", now);
  // The writer's return note, and notifications for the people on the story, in the same transaction.
  await afterWorkflowMove(tx, move.actor, change, now);
  return { id: story.id, slug: story.slug, version: story.version + 1, warnings };
}

/** A person moves a story through the workflow, as the permission table and the story policy allow. */
export async function transitionArticle(viewer: Viewer, input: TransitionArticleInput, now = new Date()): Promise<SavedArticle> {
  const data = parseOrThrow(transitionArticleSchema, input);
  return db.$transaction(async (tx) => {
    // Writers' scope holds only their own stories, so they can move nobody else's.
    const current = await tx.article.findFirst({ where: { AND: [{ id: data.id }, storyScope(viewer)] }, select: moveSelect });
    if (!current) throw new AppError("not_found", "That story does not exist or you cannot see it.");
    if (current.version !== data.version) throw await staleVersion(current, data.version);
    assertMove(viewer, toStoryFacts(current), data.to);
    // A person's move refuses what an import only reports, so it has no warnings to hand on.
    const { id, slug, version } = await moveStory(
      tx,
      current,
      { to: data.to, actor: viewer, scheduledFor: data.scheduledFor ?? null, reason: data.reason },
      now,
    );
    return { id, slug, version };
  });
}
