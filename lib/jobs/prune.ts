import { db } from "../db";
import { log } from "../log";
import { takeTurn } from "../ops/take-turn";

/** The recurring background job that deletes finished jobs once they are old (lib/jobs/runner.ts). */
export const JOB_PRUNE_JOB = "prune-finished-jobs";
export const JOB_PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

/** How long a finished job is kept: a job that gave up stays long enough to be looked into. */
export const KEEP_DONE_DAYS = 30;
export const KEEP_FAILED_DAYS = 90;

/** Rows deleted per statement, so that no write holds the database for long (and under the SQLite adapter's parameter limit). */
const BATCH = 500;

/**
 * Deletes the jobs that finished more than KEEP_DONE_DAYS ago (KEEP_FAILED_DAYS for those that
 * gave up with an error), a batch at a time, at most `maxBatches` batches per call so that one run
 * never holds up the jobs queued behind it in this process (a large backlog goes over several
 * runs: `more` says one is left). Jobs not yet done, and recurring jobs, are never touched.
 * Every webhook delivery, source capture and import adds a job, so without this the table would
 * only grow.
 */
export async function pruneFinishedJobs(now = new Date(), maxBatches = 20): Promise<{ deleted: number; more: boolean }> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const where = {
    key: { not: "recurring" },
    OR: [
      { lastError: null, doneAt: { lt: daysAgo(KEEP_DONE_DAYS) } },
      { lastError: { not: null }, doneAt: { lt: daysAgo(KEEP_FAILED_DAYS) } },
    ],
  };
  let deleted = 0;
  let more = false;
  for (let batches = 0; ; batches++) {
    if (batches === maxBatches) {
      more = (await db.job.count({ where, take: 1 })) > 0;
      break;
    }
    await takeTurn();
    const batch = await db.job.findMany({ where, select: { id: true }, take: BATCH });
    if (batch.length === 0) break;
    deleted += (await db.job.deleteMany({ where: { id: { in: batch.map((job) => job.id) } } })).count;
    if (batch.length < BATCH) break;
  }
  if (deleted > 0) log("info", "finished jobs pruned", { deleted, more });
  return { deleted, more };
}
