import { execFileSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_PORT, storageStatePath } from "../env";
import { expect, test } from "../fixtures";
import { CLUSTER, copyE2eDatabase, startOwnServer, stopServer } from "../own-server";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";

// Issue 13: `npm start` runs one server process per core (scripts/cluster.ts, compiled). A change made
// through one of them reaches every one within a second (the shared expiry table); a worker that
// dies is started again; a scheduled story is published once whatever the number of processes.
// Each worker says who it is in X-Dateline-Worker; every request here opens a new connection, and
// the cluster's primary hands connections to the workers in turn, so every worker is reached.
// Runs on its own copy of the end-to-end database, on E2E_PORT + 6.

const PORT = E2E_PORT + 6;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-workers";
const DB_FILE = path.join(DIR, "dateline.db");
const WORKERS = 2;

const copyDatabase = () => copyE2eDatabase(DIR);

const startCluster = (env: Record<string, string> = {}) =>
  startOwnServer({
    dir: DIR,
    port: PORT,
    script: CLUSTER,
    env: { DATELINE_WORKERS: String(WORKERS), ...env },
    detached: true,
  });

type Answer = { status: number; worker: string; cache: string; body: string };

/** One GET on a connection of its own (so the primary may give it to any worker). */
function get(pathname: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${URL}${pathname}`, { agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          worker: String(res.headers["x-dateline-worker"] ?? ""),
          cache: String(res.headers["x-dateline-cache"] ?? ""),
          body,
        }),
      );
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
  });
}

/**
 * Requests `pathname` until every worker's latest answer satisfies `check`, within `timeoutMs`;
 * returns how long that took. Fails naming the workers still serving something else.
 */
async function untilEveryWorker(pathname: string, check: (a: Answer) => boolean, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  const latest = new Map<string, boolean>();
  while (Date.now() - started < timeoutMs) {
    const answer = await get(pathname).catch(() => null);
    if (answer?.worker) latest.set(answer.worker, check(answer));
    if (latest.size === WORKERS && [...latest.values()].every(Boolean)) return Date.now() - started;
  }
  throw new Error(
    `${pathname}: after ${timeoutMs} ms, worker(s) ${
      [...latest]
        .filter(([, ok]) => !ok)
        .map(([w]) => w)
        .join(", ") || "(not all reached)"
    } still serve the old version`,
  );
}

async function waitForWorkers(child: ChildProcess) {
  const seen = new Set<string>();
  for (let i = 0; i < 600 && seen.size < WORKERS; i++) {
    if (child.exitCode !== null) throw new Error("the cluster exited while starting");
    const answer = await get("/api/health").catch(() => null);
    if (answer?.status === 200 && answer.worker) seen.add(answer.worker);
    else await new Promise((r) => setTimeout(r, 100));
  }
  if (seen.size < WORKERS) throw new Error(`only workers ${[...seen].join(", ")} answered within 60 s`);
}

// SIGKILL to the whole group (primary and workers), SIGTERM to the primary alone.
const stopped = (child: ChildProcess, signal: NodeJS.Signals) => stopServer(child, signal, { group: signal === "SIGKILL" });

const read = <T>(query: (db: Database.Database) => T): T => {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
};

test.describe("npm start's server processes", () => {
  test.setTimeout(180_000);

  test("a story unpublished and published again through one worker is served so by every worker within a second or so; a dead worker is replaced; SIGTERM stops them all", async ({
    playwright,
  }) => {
    await copyDatabase();
    const story = read((db) =>
      db
        .prepare(
          "SELECT a.id, a.slug, a.headline, a.version, s.slug AS section FROM Article a JOIN Section s ON s.id = a.sectionId WHERE a.status = 'PUBLISHED' AND a.slug NOT LIKE '%hostile%' ORDER BY a.publishedAt DESC LIMIT 1",
        )
        .get(),
    ) as { id: string; slug: string; headline: string; version: number; section: string };
    const page = `/${story.section}/${story.slug}`;
    const cluster = startCluster();
    try {
      await waitForWorkers(cluster);
      // Every worker has the story's page and its section's page in its caches.
      for (let i = 0; i < 8; i++) {
        expect((await get(page)).status).toBe(200);
        expect((await get(`/${story.section}`)).body).toContain(story.slug);
      }
      expect((await get(page)).cache).toBe("HIT");

      const api = await playwright.request.newContext({ baseURL: URL, storageState: storageStatePath("editor") });
      const transition = serverActionsInBuild().find((a) => a.name === "transitionArticleAction")!;
      const down = await callServerAction(
        api,
        `/admin/articles/${story.id}`,
        transition,
        { id: story.id, version: story.version, to: "UNPUBLISHED", reason: "Workers test" },
        { Origin: URL },
      );
      expect(actionOutcome(down.body), down.body.slice(0, 300)).toBe("ok");
      const unpublishedIn = await untilEveryWorker(page, (a) => a.status === 404);
      await untilEveryWorker(`/${story.section}`, (a) => a.status === 200 && !a.body.includes(story.slug));

      const up = await callServerAction(
        api,
        `/admin/articles/${story.id}`,
        transition,
        { id: story.id, version: story.version + 1, to: "PUBLISHED" },
        { Origin: URL },
      );
      expect(actionOutcome(up.body), up.body.slice(0, 300)).toBe("ok");
      const republishedIn = await untilEveryWorker(page, (a) => a.status === 200 && a.body.includes(story.slug));
      await untilEveryWorker(`/${story.section}`, (a) => a.status === 200 && a.body.includes(story.slug));
      await api.dispose();
      console.log(`[workers] every worker served the unpublish after ${unpublishedIn} ms, the publish after ${republishedIn} ms`);

      // A worker killed outright is started again: both answer once more.
      const workers = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(cluster.pid)], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter((line) => line.includes("server.mjs"))
        .map((line) => Number(line.trim().split(/\s+/)[0]));
      expect(workers).toHaveLength(WORKERS);
      process.kill(workers[0]!, "SIGKILL");
      await new Promise((r) => setTimeout(r, 500));
      await waitForWorkers(cluster);

      // SIGTERM to the primary stops every worker, within a bound.
      const signalled = Date.now();
      await stopped(cluster, "SIGTERM");
      expect(Date.now() - signalled).toBeLessThan(15_000);
      expect(cluster.exitCode).toBe(0);
      for (const pid of workers.slice(1)) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      await stopped(cluster, "SIGKILL");
    }
  });

  test("a scheduled story whose time has come is published once with two workers, and every worker serves it", async () => {
    await copyDatabase();
    const db = new Database(DB_FILE);
    const story = db
      .prepare(
        "SELECT a.id, a.slug, s.slug AS section FROM Article a JOIN Section s ON s.id = a.sectionId WHERE a.status = 'SCHEDULED' LIMIT 1",
      )
      .get() as { id: string; slug: string; section: string };
    expect(story).toBeTruthy();
    db.close();
    const page = `/${story.section}/${story.slug}`;
    const cluster = startCluster({ DATELINE_SCHEDULER_INTERVAL: "1" });
    try {
      await waitForWorkers(cluster);
      // Both workers have cached its absence before it goes live, in three seconds.
      for (let i = 0; i < 4; i++) expect((await get(page)).status).toBe(404);
      const writer = new Database(DB_FILE);
      writer
        .prepare("UPDATE Article SET scheduledFor = ? WHERE id = ?")
        .run(new Date(Date.now() + 3_000).toISOString().replace("Z", "+00:00"), story.id);
      writer.close();
      await expect
        .poll(() => read((d) => d.prepare("SELECT status FROM Article WHERE id = ?").pluck().get(story.id)), { timeout: 20_000 })
        .toBe("PUBLISHED");
      await untilEveryWorker(page, (a) => a.status === 200);
      // Several more scheduler runs on each worker publish nothing again.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(
        read((d) => ({
          published: d.prepare("SELECT count(*) FROM AuditEvent WHERE entityId = ? AND action = 'article.published'").pluck().get(story.id),
          revisions: d
            .prepare("SELECT count(*) FROM Revision WHERE articleId = ? AND note = 'Scheduled → Published'")
            .pluck()
            .get(story.id),
        })),
      ).toEqual({ published: 1, revisions: 1 });
    } finally {
      await stopped(cluster, "SIGKILL");
    }
  });

  test("a port another program holds stops every worker and npm start's cluster with a sentence (they kept running, serving nothing)", async () => {
    await copyDatabase();
    const holder = http.createServer((_req, res) => res.end("someone else"));
    await new Promise<void>((resolve) => holder.listen(PORT, resolve));
    try {
      const cluster = startCluster();
      let stderr = "";
      cluster.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => cluster.on("exit", (exit) => resolve(exit)));
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${PORT} is in use by another program: stop it, or set PORT to a free port.`);
      expect(stderr).toContain(`Dateline could not listen on port ${PORT}; stopping.`);
      expect(stderr).not.toContain("starting it again");
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
