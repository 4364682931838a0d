import { db, Prisma } from "../db";

/**
 * Background work shared by every server process (and every machine on the database): one row
 * per job in the Job table, unique by (kind, key) so that enqueueing the same work twice keeps one
 * job. lib/jobs/runner.ts claims and runs them.
 */
export type JobRow = Awaited<ReturnType<typeof db.job.findFirstOrThrow>>;

/**
 * Adds a job unless one of this kind and key exists already (done or not, until a finished one is
 * pruned after 30 days: lib/jobs/prune.ts); returns whether it was added.
 */
export async function enqueue(
  kind: string,
  key: string,
  options: { payload?: unknown; runAt?: Date; maxAttempts?: number } = {},
): Promise<boolean> {
  try {
    await db.job.create({
      data: {
        kind,
        key,
        payload: JSON.stringify(options.payload ?? {}),
        runAt: options.runAt ?? new Date(),
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      },
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/**
 * A job that runs again and again, every `everyMs` (the scheduler): added once, whatever the
 * number of processes starting at the same time. An old one that had given up is revived.
 */
export async function ensureRecurring(kind: string, everyMs: number) {
  if (!(await enqueue(kind, "recurring", { payload: { everyMs } }))) {
    await db.job.updateMany({
      where: { kind, key: "recurring", doneAt: { not: null } },
      data: { doneAt: null, attempts: 0, runAt: new Date(), payload: JSON.stringify({ everyMs }) },
    });
  }
}
