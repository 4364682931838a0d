import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, isPostgres } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { createArticle, transitionArticle } from "../articles/mutations";
import { tags } from "../cache/tags";
import { enqueue } from "./queue";
import { JobRunner } from "./runner";

let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
});

/** Another process running jobs (lib/test/job-process.ts); resolves with its exit code and stderr. */
function otherProcess(...args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/test/job-process.ts", ...args], {
    env: process.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

/** A runner whose handler of `kind` does `work`, and `started`, which resolves when a job of it begins. */
function saysWhenStarted(kind: string, work: () => Promise<void>) {
  let began!: () => void;
  const started = new Promise<void>((resolve) => (began = resolve));
  const runner = new JobRunner({
    handlers: {
      [kind]: async () => {
        began();
        await work();
      },
    },
  });
  return { runner, started };
}

describe("the job runner", () => {
  it("runs each due job exactly once with two other processes and this one racing for them", async () => {
    const ack = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-jobs-")), "ack.txt");
    fs.writeFileSync(ack, "");
    const keys = Array.from({ length: 60 }, () => uid());
    // Due only once the other processes are running, so that all three race for them.
    for (const key of keys) await enqueue("test-count", key, { runAt: new Date(Date.now() + 3_600_000) });
    // Enqueueing the same work again keeps one job.
    expect(await enqueue("test-count", keys[0]!)).toBe(false);
    const local = new JobRunner({
      handlers: {
        "test-count": async (job) => {
          await new Promise((r) => setTimeout(r, 3));
          fs.appendFileSync(ack, `${job.key} ${process.pid}\n`);
        },
      },
    });
    const ready = `${ack}.ready`;
    fs.writeFileSync(ready, "");
    const others = [otherProcess("count", ack, "4000", ready), otherProcess("count", ack, "4000", ready)];
    for (let waited = 0; fs.readFileSync(ready, "utf8").length < 2 && waited < 30_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    await db.job.updateMany({ where: { kind: "test-count", key: { in: keys } }, data: { runAt: new Date() } });
    const until = Date.now() + 3000;
    while (Date.now() < until) if ((await local.runDue()) === 0) await new Promise((r) => setTimeout(r, 5));
    for (const result of await Promise.all(others)) expect(result, result.stderr).toMatchObject({ code: 0 });
    // What nobody got to in that time (this machine is shared) is run here.
    while ((await local.runDue()) > 0);
    const ran = fs
      .readFileSync(ack, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(" "));
    expect(ran.map(([key]) => key).sort()).toEqual([...keys].sort());
    const byProcess = new Map<string, number>();
    for (const [, pid] of ran) byProcess.set(pid!, (byProcess.get(pid!) ?? 0) + 1);
    console.log(`[jobs] runs per process: ${[...byProcess.values()].join(", ")}`);
    expect(await db.job.count({ where: { kind: "test-count", doneAt: null } })).toBe(0);
  }, 60_000);

  it("tries a failed job again after a backoff that doubles, then records it done", async () => {
    let calls = 0;
    const runner = new JobRunner({
      backoffMs: 200,
      handlers: {
        "test-flaky": async () => {
          if (++calls < 3) throw new Error(`flaky ${calls}`);
        },
      },
    });
    await enqueue("test-flaky", "one");
    const row = () => db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-flaky", key: "one" } } });

    let before = Date.now();
    expect(await runner.runDue()).toBe(1);
    let job = await row();
    expect(job).toMatchObject({ attempts: 1, lastError: "flaky 1", doneAt: null, lockedBy: null });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + 200);
    expect(job.runAt.getTime()).toBeLessThan(Date.now() + 200 + 50);
    // Not due again before its backoff has passed.
    expect(await runner.runDue()).toBe(0);

    before = Date.now();
    expect(await runner.runDue(new Date(job.runAt.getTime() + 1))).toBe(1);
    job = await row();
    expect(job).toMatchObject({ attempts: 2, lastError: "flaky 2", doneAt: null });
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + 400);

    expect(await runner.runDue(new Date(job.runAt.getTime() + 1))).toBe(1);
    job = await row();
    expect(job).toMatchObject({ attempts: 3, lastError: null });
    expect(job.doneAt).not.toBeNull();
    expect(calls).toBe(3);
  });

  it("lets the server's requests in between the jobs it runs (on SQLite a batch of jobs that only read and write ran whole before any was)", async () => {
    // Each job a database write, as a notice's or a fan-out's; a request arrives while the first runs.
    let done = 0;
    let answeredAfter = -1;
    const runner = new JobRunner({
      handlers: {
        "test-turns": async (job) => {
          if (job.key === "0") setImmediate(() => (answeredAfter = done));
          await db.setting.upsert({
            where: { key: `test-turns-${job.key}` },
            create: { key: `test-turns-${job.key}`, value: "1" },
            update: {},
          });
          done++;
        },
      },
    });
    const past = new Date(Date.now() - 60_000);
    for (let n = 0; n < 8; n++) await enqueue("test-turns", String(n), { runAt: new Date(past.getTime() + n) });
    expect(await runner.runDue()).toBe(8);
    // On PostgreSQL a query waits on the network, and it is let in during the first.
    expect(answeredAfter).toBeGreaterThanOrEqual(0);
    expect(answeredAfter).toBeLessThanOrEqual(1);
  });

  it("gives up after maxAttempts and keeps the last error", async () => {
    const runner = new JobRunner({ backoffMs: 1, handlers: { "test-broken": async () => Promise.reject(new Error("always")) } });
    await enqueue("test-broken", "one", { maxAttempts: 2 });
    await runner.runDue();
    await runner.runDue(new Date(Date.now() + 1000));
    const job = await db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-broken", key: "one" } } });
    expect(job).toMatchObject({ attempts: 2, lastError: "always" });
    expect(job.doneAt).not.toBeNull();
    expect(await runner.runDue(new Date(Date.now() + 10_000))).toBe(0);
  });

  it("takes over a job whose runner died holding it once the lease has expired, and not before", async () => {
    const ran: string[] = [];
    const runner = new JobRunner({ handlers: { "test-lease": async (job) => void ran.push(job.key) } });
    const past = new Date(Date.now() - 1000);
    await db.job.create({
      data: {
        kind: "test-lease",
        key: "expired",
        runAt: past,
        attempts: 1,
        lockedBy: "dead-process",
        lockedUntil: new Date(Date.now() - 1),
      },
    });
    await db.job.create({
      data: {
        kind: "test-lease",
        key: "held",
        runAt: past,
        attempts: 1,
        lockedBy: "live-process",
        lockedUntil: new Date(Date.now() + 60_000),
      },
    });
    expect(await runner.runDue()).toBe(1);
    expect(ran).toEqual(["expired"]);
    const taken = await db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-lease", key: "expired" } } });
    expect(taken).toMatchObject({ attempts: 2, lockedBy: null });
    expect(taken.doneAt).not.toBeNull();
    // The live holder's lease runs out a minute from now: then it is taken over too.
    expect(await runner.runDue(new Date(Date.now() + 61_000))).toBe(1);
    expect(ran).toEqual(["expired", "held"]);
  });

  it("hands back, on stop, a job still running after the grace, for another runner to take (a deploy's SIGTERM left it for the lease's minute)", async () => {
    let finish!: () => void;
    const { runner: stopping, started } = saysWhenStarted("test-stop", () => new Promise<void>((resolve) => (finish = resolve)));
    await enqueue("test-stop", "long");
    await enqueue("test-stop", "next");
    stopping.start(60_000);
    await started;
    const before = Date.now();
    await stopping.stop({ graceMs: 200 });
    expect(Date.now() - before).toBeLessThan(5_000);
    const job = (key: string) => db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-stop", key } } });
    // Neither held, and the interrupted attempt is not counted; the second was never claimed.
    expect(await job("long")).toMatchObject({ lockedBy: null, lockedUntil: null, attempts: 0, doneAt: null });
    expect(await job("next")).toMatchObject({ lockedBy: null, attempts: 0, doneAt: null });
    const ran: string[] = [];
    const other = new JobRunner({ handlers: { "test-stop": async (j) => void ran.push(j.key) } });
    expect(await other.runDue()).toBe(2);
    expect(ran.sort()).toEqual(["long", "next"]);
    // The stopped runner's late finish records nothing over the other's.
    finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await job("long")).toMatchObject({ attempts: 1, lockedBy: null });
    expect((await job("long")).doneAt).not.toBeNull();
  });

  it("keeps a handed-back job from the others until the stopping process has surely exited, so that its handler never runs in two places", async () => {
    const { runner, started } = saysWhenStarted("test-stop-held", () => new Promise<void>(() => {}));
    await enqueue("test-stop-held", "held");
    runner.start(60_000);
    await started;
    const heldUntil = new Date(Date.now() + 5_000);
    await runner.stop({ graceMs: 100, heldUntil });
    const job = await db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-stop-held", key: "held" } } });
    expect(job).toMatchObject({ lockedBy: null, attempts: 0, doneAt: null });
    expect(job.lockedUntil?.getTime()).toBe(heldUntil.getTime());
    const other = new JobRunner({ handlers: { "test-stop-held": async () => {} } });
    expect(await other.runDue()).toBe(0);
    expect(await other.runDue(new Date(heldUntil.getTime() + 1))).toBe(1);
  });

  it("lets a job that finishes within the grace finish, and records it done", async () => {
    const { runner, started } = saysWhenStarted("test-stop-quick", () => new Promise<void>((resolve) => setTimeout(resolve, 100)));
    await enqueue("test-stop-quick", "quick");
    runner.start(60_000);
    await started;
    await runner.stop({ graceMs: 5_000 });
    const job = await db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-stop-quick", key: "quick" } } });
    expect(job).toMatchObject({ attempts: 1, lockedBy: null });
    expect(job.doneAt).not.toBeNull();
  });
});

describe("the scheduler on the job runner", () => {
  it("publishes a due story once with two processes racing, and records its pages' expiry for every process", async () => {
    let story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    story = await transitionArticle(editor, {
      id: story.id,
      version: story.version,
      to: "SCHEDULED",
      scheduledFor: new Date(Date.now() + 3_600_000),
    });
    await db.article.update({ where: { id: story.id }, data: { scheduledFor: new Date(Date.now() - 1000) } });
    const lastExpiry = (await db.cacheTagExpiry.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0;

    const results = await Promise.all([otherProcess("scheduler", "20000", story.id), otherProcess("scheduler", "20000", story.id)]);
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });

    const logs = results.map((result) => result.stderr).join("\n");
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status, logs).toBe("PUBLISHED");
    expect(await db.auditEvent.count({ where: { entityId: story.id, action: "article.published" } })).toBe(1);
    expect(await db.revision.count({ where: { articleId: story.id, note: "Scheduled → Published" } })).toBe(1);
    const recorded = await db.cacheTagExpiry.findMany({ where: { id: { gt: lastExpiry } }, select: { tag: true } });
    expect(recorded.map((r) => r.tag)).toEqual(
      expect.arrayContaining([tags.story(story.slug), tags.front, tags.section(bits.section.slug)]),
    );
  }, 60_000);
});

describe("a database that refuses the runner's writes", () => {
  // SQLite only: the write connection is made read-only (PRAGMA query_only), as a read-only file or a full disk would.
  it.skipIf(isPostgres)("is said once, not once a second per process, and its end is said too", async () => {
    const key = uid();
    await enqueue("test-refused", key);
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    const said = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
    const runner = new JobRunner({ handlers: { "test-refused": async () => {} } });
    await db.$queryRawUnsafe("PRAGMA query_only = ON");
    try {
      runner.start(20);
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      await db.$queryRawUnsafe("PRAGMA query_only = OFF");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    await runner.stop();
    spy.mockRestore();
    said.mockRestore();
    expect(lines.filter((l) => l.includes("the job runner could not claim or read its jobs"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("the job runner is working again"))).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { kind_key: { kind: "test-refused", key } } })).doneAt).not.toBeNull();
  });
});
