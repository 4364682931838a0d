import { env } from "../env";
import { log } from "../log";
import { expireAll, publicFootprint, tagsForChange } from "../cache/invalidation";
import { ensureRecurring } from "../jobs/queue";
import { JobRunner, type JobHandler } from "../jobs/runner";
import { onShutdown } from "../ops/shutdown";
import { publishDueArticles, type SchedulerRun } from "./scheduler";
import { webhookJobs } from "../webhooks/deliver";
import { PHOTO_SWEEP_EVERY_MS, PHOTO_SWEEP_JOB, sweepPhotoFiles } from "../media/sweep-job";
import { frontJobs } from "../front/jobs";
import { IMPORT_JOB, importJobHandler, forgetAbandonedImports } from "../import/jobs";
import { WIRE_FEEDS_JOB, WIRE_FOLDER_JOB, wireEveryMs, wireJobs } from "../wire/jobs";
import { SOURCE_CHECK_EVERY_MS, SOURCE_CHECK_JOB, sourceJobs } from "../sources/jobs";
import { JOB_PRUNE_EVERY_MS, JOB_PRUNE_JOB, pruneFinishedJobs } from "../jobs/prune";
import { LICENSE_EXPIRY_EVERY_MS, LICENSE_EXPIRY_JOB, licenseExpiryJobs } from "../media/license-expiry";
import { takeTurn } from "../ops/take-turn";

/** The recurring job that publishes the scheduled stories whose time has come. */
export const PUBLISH_DUE_JOB = "publish-due-stories";

/**
 * Publishes the due stories and expires their pages everywhere: in this process's caches at once,
 * in the other processes' through the shared expiry table (expireAll; no request is needed).
 */
export async function publishDueAndExpire(): Promise<SchedulerRun> {
  const run = await publishDueArticles();
  for (const id of run.published) {
    await takeTurn();
    const after = await publicFootprint(id);
    expireAll(tagsForChange(after && { ...after, live: false }, after), () => {});
  }
  if (run.published.length || run.held.length) log("info", "scheduler run", run);
  return run;
}

/** The job handlers every server process runs (lib/jobs/runner.ts): the scheduler, every `everyMs`; the front page's (lib/front/jobs.ts); webhook deliveries. */
export function backgroundJobs(everyMs: number): Record<string, JobHandler> {
  return {
    ...frontJobs,
    ...webhookJobs,
    // Archived copies of sources and the link checker (lib/sources/).
    ...sourceJobs,
    [PUBLISH_DUE_JOB]: async () => {
      await publishDueAndExpire();
      return { again: new Date(Date.now() + everyMs) };
    },
    [PHOTO_SWEEP_JOB]: async () => {
      await sweepPhotoFiles();
      return { again: new Date(Date.now() + PHOTO_SWEEP_EVERY_MS) };
    },
    // Editors hear of live photos whose license has run out (lib/media/license-expiry.ts).
    ...licenseExpiryJobs,
    // Old finished jobs (lib/jobs/prune.ts), and abandoned uploads.
    [JOB_PRUNE_JOB]: async () => {
      const { more } = await pruneFinishedJobs();
      // Uploads nobody started, a day old (lib/import/jobs.ts).
      await forgetAbandonedImports();
      // A backlog goes a slice at a time, a minute apart.
      return { again: new Date(Date.now() + (more ? 60_000 : JOB_PRUNE_EVERY_MS)) };
    },
    // Imports started from /admin/import (lib/import/jobs.ts).
    [IMPORT_JOB]: importJobHandler,
    // The wire desk's watched folder and polled feeds (lib/wire/jobs.ts).
    ...wireJobs,
  };
}

/**
 * Starts this process's job runner (once per process) with the scheduler's recurring job, run
 * every DATELINE_SCHEDULER_INTERVAL seconds by whichever process claims it first: whatever the
 * number of processes, each run happens once (and each story moves only if still SCHEDULED).
 */
export function startScheduler() {
  const seconds = env.DATELINE_SCHEDULER_INTERVAL;
  const state = globalThis as unknown as { datelineJobRunner?: JobRunner };
  if (seconds === 0 || state.datelineJobRunner) return;
  const runner = (state.datelineJobRunner = new JobRunner({ handlers: backgroundJobs(seconds * 1000) }));
  // A deploy's SIGTERM hands back the jobs this process holds, for another to take once this one
  // has exited (their handlers may run until then), with a margin for a late timer and other
  // machines' clocks.
  onShutdown(({ graceMs, exitBy }) => runner.stop({ graceMs: graceMs / 2, heldUntil: new Date(exitBy.getTime() + 5_000) }));
  Promise.all([
    ensureRecurring(PUBLISH_DUE_JOB, seconds * 1000),
    ensureRecurring(PHOTO_SWEEP_JOB, PHOTO_SWEEP_EVERY_MS),
    ensureRecurring(JOB_PRUNE_JOB, JOB_PRUNE_EVERY_MS),
    ensureRecurring(LICENSE_EXPIRY_JOB, LICENSE_EXPIRY_EVERY_MS),
    // The watched folder only when one is configured (DATELINE_WIRE_DIR).
    ...(env.DATELINE_WIRE_DIR ? [ensureRecurring(WIRE_FOLDER_JOB, wireEveryMs())] : []),
    ensureRecurring(WIRE_FEEDS_JOB, wireEveryMs()),
    ensureRecurring(SOURCE_CHECK_JOB, SOURCE_CHECK_EVERY_MS),
  ])
    .catch((error: unknown) => log("error", "could not add the scheduler's job", { error: String(error) }))
    .finally(() => runner.start(Math.min(1000, seconds * 1000)));
}
