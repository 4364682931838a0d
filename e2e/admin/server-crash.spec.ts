import type { ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { E2E_PORT, storageStatePath } from "../env";
import { expect, test } from "../fixtures";
import { copyE2eDatabase, startOwnServer, stopServer, waitForHealth } from "../own-server";
import { actionOutcome, callServerAction, serverActionsInBuild } from "../server-actions";
import { holdWriteLock } from "../../lib/test/lock-holder";

// Issue 7: the production server (scripts/server.ts, Next.js and all) killed with SIGKILL in the
// middle of saves, ten times over. After each kill the database passes integrity_check and holds
// every save the server acknowledged. It runs on its own copy of the end-to-end database.

const PORT = E2E_PORT + 1;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-crash";
const DB_FILE = path.join(DIR, "dateline.db");

const copyDatabase = () => copyE2eDatabase(DIR);

// node itself in its own process group, so SIGKILL reaches the process that writes.
const startServer = (env: Record<string, string> = {}) => startOwnServer({ dir: DIR, port: PORT, env, detached: true });

const killed = (child: ChildProcess) => stopServer(child, "SIGKILL", { group: true });

test("the server killed with SIGKILL mid-saves, ten times: integrity_check ok and every acknowledged save present", async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  await copyDatabase();
  const sectionId = new Database(DB_FILE, { readonly: true })
    .prepare("SELECT id FROM Section WHERE slug = 'world'")
    .pluck()
    .get() as string;

  const create = serverActionsInBuild().find((a) => a.name === "createArticleAction")!;
  const acknowledged: string[] = [];
  for (let round = 0; round < 10; round++) {
    const server = startServer();
    try {
      await waitForHealth(URL, server, 30_000);
      const api = await playwright.request.newContext({ baseURL: URL, storageState: storageStatePath("editor") });
      let stop = false;
      // Four editors' tabs saving new stories as fast as the server answers.
      const saving = Array.from({ length: 4 }, async (_, lane) => {
        for (let n = 0; !stop; n++) {
          const slug = `crash-${round}-${lane}-${n}`;
          try {
            const { body } = await callServerAction(
              api,
              "/admin/articles/new",
              create,
              { headline: `Crash test ${slug}`, slug, sectionId },
              { Origin: URL },
            );
            if (actionOutcome(body) === "ok") acknowledged.push(slug);
          } catch {
            return; // the connection died with the server
          }
        }
      });
      // Let this round acknowledge a few saves, then kill in the middle of the next ones.
      const before = acknowledged.length;
      for (let waited = 0; acknowledged.length < before + 3 && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 200));
      await killed(server);
      stop = true;
      await Promise.all(saving);
      await api.dispose();
    } finally {
      if (server.exitCode === null && server.signalCode === null) await killed(server);
    }

    const check = new Database(DB_FILE);
    try {
      expect(check.pragma("integrity_check", { simple: true }), `round ${round}`).toBe("ok");
      const present = new Set(check.prepare("SELECT slug FROM Article WHERE slug LIKE 'crash-%'").pluck().all() as string[]);
      expect(
        acknowledged.filter((slug) => !present.has(slug)),
        `round ${round}: acknowledged but lost`,
      ).toEqual([]);
    } finally {
      check.close();
    }
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(30);
});

test("a story whose time came while the server was down is published once after it restarts, even when killed mid-run", async () => {
  test.setTimeout(120_000);
  await copyDatabase();
  const db = new Database(DB_FILE);
  const story = db.prepare("SELECT id FROM Article WHERE status = 'SCHEDULED' LIMIT 1").pluck().get() as string;
  expect(story).toBeTruthy();
  // Its slot passed a minute ago, while no server ran.
  db.prepare("UPDATE Article SET scheduledFor = ? WHERE id = ?").run(
    new Date(Date.now() - 60_000).toISOString().replace("Z", "+00:00"),
    story,
  );
  db.close();
  const read = () => {
    const check = new Database(DB_FILE, { readonly: true });
    try {
      return {
        status: check.prepare("SELECT status FROM Article WHERE id = ?").pluck().get(story),
        published: check.prepare("SELECT count(*) FROM AuditEvent WHERE entityId = ? AND action = 'article.published'").pluck().get(story),
        revisions: check.prepare("SELECT count(*) FROM Revision WHERE articleId = ? AND note = 'Scheduled → Published'").pluck().get(story),
      };
    } finally {
      check.close();
    }
  };

  // The first start publishes it within a run of its scheduler; the server is then killed outright.
  let server = startServer({ DATELINE_SCHEDULER_INTERVAL: "1" });
  await waitForHealth(URL, server, 30_000);
  await expect.poll(() => read().status, { timeout: 20_000 }).toBe("PUBLISHED");
  await killed(server);
  // Restarted, it runs its scheduler again several times: nothing is published a second time.
  server = startServer({ DATELINE_SCHEDULER_INTERVAL: "1" });
  try {
    await waitForHealth(URL, server, 30_000);
    await new Promise((r) => setTimeout(r, 3_500));
  } finally {
    await killed(server);
  }
  expect(read()).toEqual({ status: "PUBLISHED", published: 1, revisions: 1 });
});

test("SIGTERM while a save waits on another process's lock: the save is answered and the server stops within a bounded time", async ({
  playwright,
}) => {
  test.setTimeout(90_000);
  await copyDatabase();
  const server = startServer();
  try {
    await waitForHealth(URL, server, 30_000);
    const api = await playwright.request.newContext({ baseURL: URL, storageState: storageStatePath("editor") });
    const create = serverActionsInBuild().find((a) => a.name === "createArticleAction")!;
    const lock = await holdWriteLock(DB_FILE, 20_000);
    const saving = callServerAction(
      api,
      "/admin/articles/new",
      create,
      { headline: "Saved during shutdown", slug: "sigterm-save" },
      { Origin: URL },
    );
    await new Promise((r) => setTimeout(r, 500));
    const exited = new Promise<number>((resolve) => server.on("exit", () => resolve(Date.now())));
    const signalled = Date.now();
    process.kill(server.pid!, "SIGTERM");
    const answer = await saving;
    expect(actionOutcome(answer.body)).toBe("busy");
    // The lock is still held: the server must not wait for it (or for anything else) to stop.
    expect((await exited) - signalled).toBeLessThan(15_000);
    await api.dispose();
    await lock.released;
  } finally {
    if (server.exitCode === null && server.signalCode === null) await killed(server);
  }
});

test("SIGTERM while a job runs hands its lease back, its attempt not counted, for another process to take once this one has exited (it waited out the lease's minute)", async () => {
  test.setTimeout(90_000);
  await copyDatabase();
  // A webhook receiver that takes the connection and never answers: the delivery job runs for its 10 s timeout.
  const connections = new Set<net.Socket>();
  const receiver = net.createServer((socket) => void connections.add(socket));
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverPort = (receiver.address() as net.AddressInfo).port;
  const db = new Database(DB_FILE);
  const now = new Date().toISOString().replace("Z", "+00:00");
  db.prepare("INSERT OR IGNORE INTO OutboundAllowedHost (id, host, note, createdAt) VALUES ('sigterm-host', '127.0.0.1:*', '', ?)").run(
    now,
  );
  db.prepare(
    "INSERT INTO Webhook (id, name, url, events, secret, active, createdAt) VALUES ('sigterm-hook', 'Slow receiver', ?, ?, 'secret', 1, ?)",
  ).run(`http://127.0.0.1:${receiverPort}/hook`, JSON.stringify(["story.published"]), now);
  db.prepare(
    "INSERT INTO WebhookDelivery (id, webhookId, event, queueKey, body, status, attempts, nextAttemptAt, createdAt) VALUES ('sigterm-delivery', 'sigterm-hook', 'story.published', 'story:sigterm', '{}', 'PENDING', 0, ?, ?)",
  ).run(now, now);
  db.prepare(
    "INSERT INTO Job (id, kind, key, payload, runAt, attempts, maxAttempts, createdAt) VALUES ('sigterm-job', 'webhook-delivery', 'sigterm-delivery', '{}', ?, 0, 8, ?)",
  ).run(now, now);
  db.close();
  const job = () => {
    const check = new Database(DB_FILE, { readonly: true });
    try {
      return check.prepare("SELECT lockedBy, lockedUntil, attempts, doneAt FROM Job WHERE id = 'sigterm-job'").get() as {
        lockedBy: string | null;
        lockedUntil: string | null;
        attempts: number;
        doneAt: string | null;
      };
    } finally {
      check.close();
    }
  };
  const server = startServer({ DATELINE_SCHEDULER_INTERVAL: "1" });
  try {
    await waitForHealth(URL, server, 30_000);
    // The job is claimed and its delivery is waiting on the receiver.
    await expect.poll(() => connections.size, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(job()).toMatchObject({ attempts: 1, doneAt: null });
    expect(job().lockedBy).not.toBeNull();
    const exited = new Promise<void>((resolve) => server.on("exit", () => resolve()));
    const signalled = Date.now();
    process.kill(server.pid!, "SIGTERM");
    await exited;
    // Handed back, uncounted, and out of the others' reach only until this process has surely
    // exited (its handler may run until then), not for the lease's minute.
    const after = job();
    expect(after).toMatchObject({ lockedBy: null, attempts: 0, doneAt: null });
    const heldUntil = new Date(after.lockedUntil!).getTime();
    expect(heldUntil).toBeGreaterThan(signalled);
    expect(heldUntil).toBeLessThanOrEqual(signalled + 16_000);
  } finally {
    if (server.exitCode === null && server.signalCode === null) await killed(server);
    for (const socket of connections) socket.destroy();
    receiver.close();
  }
});
