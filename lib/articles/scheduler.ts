import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { ArticleStatus } from "../generated/prisma/enums";
import { writeRevision } from "./snapshot";
import { publishProblems, readinessSelect } from "./workflow";

export type SchedulerRun = { published: string[]; held: { id: string; problems: string[] }[] };

/**
 * Publishes every scheduled story whose time has come. Safe to run twice at once or
 * after a restart: each story moves only if it is still SCHEDULED, so it publishes once.
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
    await db.$transaction(async (tx) => {
      const article = await tx.article.findUnique({
        where: { id },
        select: { ...readinessSelect, status: true, firstPublishedAt: true, scheduledFor: true },
      });
      if (!article || article.status !== ArticleStatus.SCHEDULED) return;
      const problems = publishProblems(article, now);
      if (problems.length > 0) {
        run.held.push({ id, problems });
        return;
      }
      const firstPublishedAt = article.firstPublishedAt ?? article.scheduledFor ?? now;
      const { count } = await tx.article.updateMany({
        where: { id, status: ArticleStatus.SCHEDULED },
        data: {
          status: ArticleStatus.PUBLISHED,
          publishedAt: now,
          firstPublishedAt,
          ...(article.firstPublishedAt ? {} : { contentUpdatedAt: firstPublishedAt }),
          scheduledFor: null,
          version: { increment: 1 },
        },
      });
      if (count === 0) return;
      await writeRevision(tx, id, null, "Scheduled → Published");
      await recordAudit(tx, {
        actorId: null,
        action: "article.published",
        entityType: "Article",
        entityId: id,
        data: { from: "SCHEDULED", to: "PUBLISHED", by: "scheduler" },
      });
      run.published.push(id);
    });
  }
  return run;
}
