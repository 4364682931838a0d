import crypto from "node:crypto";
import os from "node:os";
import { db } from "../db";
import { log } from "../log";
import { FailureNotice } from "../ops/failure-notice";
import { withinMs } from "../ops/within";
import type { JobRow } from "./queue";
import { takeTurn } from "../ops/take-turn";

/**
 * Runs the Job table's due jobs, once each whatever the number of runners (one per server
 * process, on one machine or several). A runner claims a job with a conditional UPDATE that only
 * succeeds while nobody holds an unexpired lease on it, so of two runners racing for a job one
 * gets it; a runner that dies holding one loses it when the lease expires, and another takes it
 * over (each claim counts an attempt). A failed job is tried again after an exponential backoff,
 * up to its maxAttempts; then it is left done, with its last error.
 *
 * A handler returns nothing (the job is done) or `{ again: Date }` (a recurring job: run it again then).
 */
export type JobHandler = (job: {
  id: string;
  key: string;
  payload: unknown;
  attempts: number;
  /** The runner holding the job's lease (a handler that renews it renews it only while it is still this runner's). */
  holder: string;
}) => Promise<void | { again: Date }>;

export type RunnerOptions = {
  handlers: Record<string, JobHandler>;
  /** How long a claim holds (a job running longer may be taken over). */
  leaseMs?: number;
  /** The first retry's delay; each further one doubles it, up to an hour. */
  backoffMs?: number;
  /** Jobs claimed per pass. */
  batch?: number;
  id?: string;
};

export class JobRunner {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly backoffMs: number;
  private readonly batch: number;
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;
  private stopping = false;
  /** Until when a job handed back at a stop stays out of reach: while its handler may still run here. */
  private heldUntil: Date | null = null;

  constructor(private readonly options: RunnerOptions) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 5_000;
    this.batch = options.batch ?? 10;
  }

  /** Claims and runs the jobs due now; returns how many it ran. */
  async runDue(now = new Date()): Promise<number> {
    const kinds = Object.keys(this.options.handlers);
    const due = await db.job.findMany({
      where: { doneAt: null, runAt: { lte: now }, kind: { in: kinds }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: { runAt: "asc" },
      take: this.batch,
    });
    let ran = 0;
    for (const candidate of due) {
      if (this.stopping) break;
      const job = await this.claim(candidate, now);
      if (!job) continue;
      // Claimed while stop() handed the others back: handed back too, not run.
      if (this.stopping) {
        await this.handBack(job.id);
        break;
      }
      ran++;
      await this.run(job);
      // A turn for the server's requests between jobs: a batch of jobs that awaited nothing but
      // SQLite ran whole before any request was read.
      await takeTurn();
    }
    return ran;
  }

  /** Takes the job's lease if nobody holds an unexpired one; null if another runner was first. */
  private async claim(job: JobRow, now: Date): Promise<JobRow | null> {
    const { count } = await db.job.updateMany({
      where: { id: job.id, doneAt: null, runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedBy: this.id, lockedUntil: new Date(Date.now() + this.leaseMs), attempts: { increment: 1 } },
    });
    return count === 1 ? { ...job, attempts: job.attempts + 1, lockedBy: this.id } : null;
  }

  private async run(job: JobRow) {
    const handler = this.options.handlers[job.kind]!;
    // Only the holder of the lease may record the outcome (a runner whose lease expired mid-run lost it).
    const mine = { id: job.id, lockedBy: this.id };
    try {
      const result = await handler({
        id: job.id,
        key: job.key,
        payload: JSON.parse(job.payload) as unknown,
        attempts: job.attempts,
        holder: this.id,
      });
      if (result?.again) {
        await db.job.updateMany({
          where: mine,
          data: { runAt: result.again, attempts: 0, lockedBy: null, lockedUntil: null, lastError: null },
        });
      } else {
        await db.job.updateMany({ where: mine, data: { doneAt: new Date(), lockedBy: null, lockedUntil: null, lastError: null } });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const gaveUp = job.attempts >= job.maxAttempts;
      const retryAt = new Date(Date.now() + this.backoff(job.attempts));
      log(gaveUp ? "error" : "warn", gaveUp ? "job failed for the last time" : "job failed; it will be tried again", {
        kind: job.kind,
        key: job.key,
        attempts: job.attempts,
        error: message,
        ...(gaveUp ? {} : { retryAt }),
      });
      await db.job
        .updateMany({
          where: mine,
          data: {
            lastError: message.slice(0, 2000),
            lockedBy: null,
            lockedUntil: null,
            ...(gaveUp ? { doneAt: new Date() } : { runAt: retryAt }),
          },
        })
        .catch((e: unknown) => log("error", "could not record a job's failure", { kind: job.kind, error: String(e) }));
    }
  }

  /** The delay before attempt `attempts + 1`: backoffMs, doubled per failure, at most an hour. */
  backoff(attempts: number): number {
    return Math.min(3_600_000, this.backoffMs * 2 ** Math.max(0, attempts - 1));
  }

  /** Runs due jobs every `everyMs` (never two passes at once) until stop(). */
  start(everyMs = 1_000) {
    if (this.timer) return;
    // A database that is locked or refuses writes fails every pass: said once, then once a minute with a count.
    const notice = new FailureNotice({
      failing: "the job runner could not claim or read its jobs; it tries again every second",
      working: "the job runner is working again",
    });
    const pass = () => {
      if (this.running) return;
      this.running = this.runDue().then(
        (ran) => {
          notice.succeeded();
          return ran;
        },
        (error: unknown) => {
          notice.failed(error);
          return 0;
        },
      );
      void this.running.finally(() => (this.running = null));
    };
    this.timer = setInterval(pass, everyMs);
    this.timer.unref();
    pass();
  }

  /**
   * Stops claiming, and gives the pass under way up to `graceMs` to finish. A job still running
   * then is handed back: its lease is released and its attempt not counted, so that another
   * process takes it once `heldUntil` has passed (when this process will surely have exited: its
   * handler never runs in two places at once), not when the lease runs out (a minute), and a job
   * a deploy interrupted is not nearer to giving up. A job that finishes after that is not recorded
   * by this runner: jobs run at least once, as after a crash. Resolves once the leases are back.
   */
  async stop({ graceMs = Infinity, heldUntil = null }: { graceMs?: number; heldUntil?: Date | null } = {}) {
    this.stopping = true;
    this.heldUntil = heldUntil;
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.running) await withinMs(this.running, graceMs, () => undefined, { keepAlive: true });
    const count = await this.handBack();
    if (count) log("info", "stopping: jobs still running were handed back to the other processes", { jobs: count });
  }

  /** Releases this runner's leases (of one job, or all), uncounting their attempts; returns how many. */
  private async handBack(jobId?: string): Promise<number> {
    const { count } = await db.job.updateMany({
      where: { lockedBy: this.id, doneAt: null, ...(jobId ? { id: jobId } : {}) },
      data: { lockedBy: null, lockedUntil: this.heldUntil, attempts: { decrement: 1 } },
    });
    return count;
  }
}
