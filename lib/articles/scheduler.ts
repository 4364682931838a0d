import { db } from "../db";
import { AppError } from "../errors";
import { ArticleStatus } from "../generated/prisma/enums";
import { moveSelect, moveStory } from "./mutations/transition";
import { publishProblems } from "./workflow";
import { wireFactsForStory } from "../wire/queries";

export type SchedulerRun = { published: string[]; held: { id: string; problems: string[] }[] };

/**
 * Publishes every scheduled story whose time has come, through the same move as the editor's
 * Publish button (lib/articles/mutations/transition.ts). Safe to run twice at once or after a
 * restart: each story moves only if it is still SCHEDULED and still at the version it was read
 * at, so it publishes once, and an editor's save made meanwhile is never overwritten.
 */
export async function publishDueArticles(now = new Date()): Promise<SchedulerRun> {
  const due = await db.article.findMany({
    where: { status: ArticleStatus.SCHEDULED, scheduledFor: { lte: now } },
    select: { id: true },
    orderBy: { scheduledFor: "asc" },
    take: 100,
  });
  const run: SchedulerRun = { published: [], held: [] };
  for (const { id } of due) {
    try {
      const moved = await db.$transaction(async (tx) => {
        const story = await tx.article.findUnique({ where: { id }, select: moveSelect });
        if (!story || story.status !== ArticleStatus.SCHEDULED) return false;
        const problems = publishProblems(story, now, { facts: await wireFactsForStory(tx, id) });
        if (problems.length > 0) {
          run.held.push({ id, problems });
          return false;
        }
        await moveStory(tx, story, { to: ArticleStatus.PUBLISHED, actor: null, by: "scheduler" }, now);
        return true;
      });
      if (moved) run.published.push(id);
    } catch (error) {
      // Someone saved the story between the read and the move: the next run publishes that version.
      if (error instanceof AppError && error.code === "conflict") continue;
      throw error;
    }
  }
  return run;
}
