import { describe, expect, it } from "vitest";
import { db } from "../db";
import { uid } from "../test/factories";
import { KEEP_DONE_DAYS, KEEP_FAILED_DAYS, pruneFinishedJobs } from "./prune";

const DAY = 24 * 60 * 60 * 1000;

describe("pruning finished jobs", () => {
  it("deletes jobs finished long ago, keeps recent, failed-but-recent, pending and recurring ones", async () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const kind = `test-prune-${uid()}`;
    const job = (key: string, data: { doneAt?: Date; lastError?: string; runAt?: Date }) =>
      db.job.create({ data: { kind, key, runAt: data.runAt ?? ago(400), doneAt: data.doneAt ?? null, lastError: data.lastError ?? null } });
    await job("old-done", { doneAt: ago(KEEP_DONE_DAYS + 1) });
    await job("recent-done", { doneAt: ago(KEEP_DONE_DAYS - 1) });
    await job("old-failed", { doneAt: ago(KEEP_FAILED_DAYS + 1), lastError: "gave up" });
    await job("failed-a-while-ago", { doneAt: ago(KEEP_DONE_DAYS + 1), lastError: "gave up" });
    await job("pending", {});
    await job("recurring", { doneAt: ago(KEEP_FAILED_DAYS + 1), lastError: "gave up" });
    // Enough old ones to take several batches.
    await db.job.createMany({
      data: Array.from({ length: 1100 }, (_, i) => ({ kind, key: `bulk-${i}`, runAt: ago(400), doneAt: ago(KEEP_DONE_DAYS + 2) })),
    });

    // One batch per call at most: the backlog goes over several calls.
    expect(await pruneFinishedJobs(now, 1)).toEqual({ deleted: 500, more: true });
    expect((await pruneFinishedJobs(now)).more).toBe(false);
    const left = await db.job.findMany({ where: { kind }, select: { key: true }, orderBy: { key: "asc" } });
    expect(left.map((row) => row.key)).toEqual(["failed-a-while-ago", "pending", "recent-done", "recurring"]);
    // Nothing more to do the second time.
    expect(await db.job.count({ where: { kind } })).toBe(4);
    await pruneFinishedJobs(now);
    expect(await db.job.count({ where: { kind } })).toBe(4);
  });
});
