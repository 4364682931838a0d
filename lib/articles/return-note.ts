import type { Tx } from "../db";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { ArticleStatus, NotificationKind } from "../generated/prisma/enums";
import { notifyWorkflow } from "../notifications/fanout";
import { storyFactsSelect, isOwnStory, toStoryFacts } from "./policy";

const S = ArticleStatus;

/** A story sent back to draft from review or the schedule by someone other than its writers: a return, which needs a note. */
async function isReturn(tx: Tx, viewer: Viewer, articleId: string, from: ArticleStatus, to: ArticleStatus): Promise<boolean> {
  if (to !== S.DRAFT || (from !== S.IN_REVIEW && from !== S.SCHEDULED)) return false;
  const facts = await tx.article.findUnique({ where: { id: articleId }, select: storyFactsSelect });
  return !!facts && !isOwnStory(viewer, toStoryFacts(facts));
}

/** Refuses a return to the writer without a note (the writer sees it on the story and on the desk). */
export async function assertReturnNote(tx: Tx, viewer: Viewer, move: { id: string; from: ArticleStatus; to: ArticleStatus; note: string }) {
  if (!move.note.trim() && (await isReturn(tx, viewer, move.id, move.from, move.to))) {
    const message = "Write a note for the writer: what the story needs before it comes back.";
    throw new AppError("invalid", message, { reason: [message] });
  }
}

const NOTIFY_ON: Partial<Record<ArticleStatus, NotificationKind>> = {
  IN_REVIEW: NotificationKind.SUBMITTED,
  SCHEDULED: NotificationKind.SCHEDULED,
  PUBLISHED: NotificationKind.PUBLISHED,
};

/**
 * What a workflow move means for the people on the story, inside its transaction: a return keeps
 * its note for the writer; a resubmission or going live clears it; submissions, returns, schedules
 * and publishes notify the people concerned (lib/notifications/fanout.ts).
 */
export async function afterWorkflowMove(
  tx: Tx,
  viewer: Viewer | null,
  move: { id: string; from: ArticleStatus; to: ArticleStatus; note: string },
  now = new Date(),
) {
  const actor = viewer ? { id: viewer.id, name: viewer.name } : null;
  if (viewer && (await isReturn(tx, viewer, move.id, move.from, move.to))) {
    await tx.returnNote.updateMany({ where: { articleId: move.id, clearedAt: null }, data: { clearedAt: now } });
    await tx.returnNote.create({
      data: { articleId: move.id, text: move.note.trim(), byId: viewer.id, byName: viewer.name, createdAt: now },
    });
    await notifyWorkflow(tx, { articleId: move.id, kind: NotificationKind.RETURNED, actor, note: move.note.trim() });
    return;
  }
  if (move.to !== S.DRAFT) await tx.returnNote.updateMany({ where: { articleId: move.id, clearedAt: null }, data: { clearedAt: now } });
  const kind = NOTIFY_ON[move.to];
  if (kind) await notifyWorkflow(tx, { articleId: move.id, kind, actor });
}

export type OpenReturnNote = { text: string; byName: string; createdAt: Date };

/** The notes of stories returned to their writers and not yet resubmitted, by story id. */
export async function openReturnNotes(articleIds: string[]): Promise<Map<string, OpenReturnNote>> {
  const rows = await db.returnNote.findMany({
    where: { articleId: { in: articleIds }, clearedAt: null },
    orderBy: { createdAt: "asc" },
    select: { articleId: true, text: true, byName: true, createdAt: true },
  });
  return new Map(rows.map((r) => [r.articleId, { text: r.text, byName: r.byName, createdAt: r.createdAt }]));
}
