import { db } from "../db";
import { AppError } from "../errors";
import { ArticleStatus, NotificationKind } from "../generated/prisma/enums";
import { notifyWorkflow } from "../notifications/fanout";
import { andList } from "../format/text";
import { formatDateTime } from "../format/time";
import { readSiteSettings } from "../settings/queries";
import { moveSelect, moveStory } from "./mutations/transition";
import { publishProblems } from "./workflow";
import { wireFactsForStory } from "../wire/queries";
import { takeTurn } from "../ops/take-turn";

export type SchedulerRun = { published: string[]; held: { id: string; problems: string[] }[] };

/**
 * Publishes every scheduled story whose time has come, through the same move as the editor's
 * Publish button (lib/articles/mutations/transition.ts). Safe to run twice at once or after a
 * restart: each story moves only if it is still SCHEDULED and still at the version it was read
 * at, so it publishes once, and an editor's save made meanwhile is never overwritten.
 */
export async function publishDueArticles(now = new Date(), pageSize = 100): Promise<SchedulerRun> {
  const run: SchedulerRun = { published: [], held: [] };
  // The newsroom's zone, read once a run and only when a story is due (a held story's notification
  // names the time, and the embargo's end).
  let zone: Promise<string> | null = null;
  const timeZone = () => (zone ??= readSiteSettings().then((s) => s.timeZone));
  // Every due story, a page at a time: stories held back stay due, and must not keep the ones after
  // them waiting (a hundred held stories held every other one back).
  let after: { scheduledFor: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; scheduledFor: Date | null }[] = await db.article.findMany({
      where: {
        status: ArticleStatus.SCHEDULED,
        scheduledFor: { lte: now },
        ...(after
          ? { OR: [{ scheduledFor: { gt: after.scheduledFor } }, { scheduledFor: after.scheduledFor, id: { gt: after.id } }] }
          : {}),
      },
      select: { id: true, scheduledFor: true },
      orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    for (const { id, scheduledFor } of page) {
      await publishIfReady(id, now, run, { scheduledFor, timeZone });
      await takeTurn();
    }
    const last = page.at(-1);
    if (page.length < pageSize || !last?.scheduledFor) return run;
    after = { scheduledFor: last.scheduledFor, id: last.id };
  }
}

/** Publishes one due story if it is ready; if not, it stays scheduled, and the people on it hear so once. */
async function publishIfReady(
  id: string,
  now: Date,
  run: SchedulerRun,
  due: { scheduledFor: Date | null; timeZone: () => Promise<string> },
) {
  try {
    // The newsroom's zone names the due time and an embargo's end (read once a run, before any transaction).
    const timeZone = await due.timeZone();
    const moved = await db.$transaction(async (tx) => {
      const story = await tx.article.findUnique({ where: { id }, select: moveSelect });
      if (!story || story.status !== ArticleStatus.SCHEDULED) return false;
      const problems = publishProblems(story, now, { facts: await wireFactsForStory(tx, id), timeZone });
      if (problems.length > 0) {
        run.held.push({ id, problems });
        // Told once for each time it is due at and each set of needs (saves that change neither tell
        // nobody again): the note names both, and the same note is not sent twice. Told: its writers,
        // and the editor who scheduled it.
        const at = formatDateTime(due.scheduledFor ?? now, timeZone);
        const note = `Not published at ${at}: it needs ${andList(problems)}. It stays scheduled.`;
        if ((await tx.notification.count({ where: { articleId: id, kind: NotificationKind.HELD, note } })) === 0) {
          const scheduled = await tx.auditEvent.findFirst({
            where: { entityType: "Article", entityId: id, action: "article.scheduled" },
            orderBy: { createdAt: "desc" },
            select: { actorId: true },
          });
          await notifyWorkflow(tx, { articleId: id, kind: NotificationKind.HELD, actor: null, note, alsoNotify: scheduled?.actorId });
        }
        return false;
      }
      await moveStory(tx, story, { to: ArticleStatus.PUBLISHED, actor: null, by: "scheduler" }, now);
      return true;
    });
    if (moved) run.published.push(id);
  } catch (error) {
    // Someone saved the story between the read and the move: the next run publishes that version.
    if (error instanceof AppError && error.code === "conflict") return;
    throw error;
  }
}
