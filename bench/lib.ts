// What bench/public.ts and bench/varnish.ts share: Dateline's environment on a fresh demo database,
// the tools they need, the production server and an nginx serving one page as a static file (both
// started in process groups that go down with the bench), and reading wrk's report.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const root = path.resolve(import.meta.dirname, "..");
export const CRON = "bench-cron-secret-0123456789";

/** Dateline's environment for a bench: its database and media under `dir`, served on `port`. */
export function benchEnv(dir: string, port: number, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    DATELINE_MEDIA_DIR: path.join(dir, "media"),
    DATELINE_SITE_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: "bench-only-secret-that-is-long-enough-0123456789",
    DATELINE_ADMIN_PASSWORD: "bench-admin-password-42",
    DATELINE_CRON_SECRET: CRON,
    DATELINE_SCHEDULER_INTERVAL: "0",
    DATELINE_LOG_LEVEL: "warn",
    ...extra,
    PORT: String(port),
  };
}

/** The processes started here; they are stopped (with `also`) when the bench exits or throws. */
export const children: ChildProcess[] = [];

/** Registers the cleanup on exit and on an uncaught exception, and returns it. */
export function cleanupOnExit(also: () => void = () => {}) {
  // Children run in their own process groups, so the whole tree (npx → tsx → node) goes down with us.
  const cleanup = () => {
    children.forEach((c) => {
      // One whose exit was seen is not signalled: its group id may belong to another process by now.
      if (c.exitCode !== null || c.signalCode !== null) return;
      try {
        process.kill(-c.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    });
    also();
  };
  process.on("exit", cleanup);
  process.on("uncaughtException", (error) => {
    cleanup();
    console.error(error);
    process.exit(1);
  });
  return cleanup;
}

/** `tool` (a command on PATH, or an absolute path), installed from Debian's `pkgs` when missing and root. */
export function need(tool: string, pkgs: string[]) {
  const present = path.isAbsolute(tool)
    ? fs.existsSync(tool)
    : (() => {
        try {
          execFileSync("which", [tool], { stdio: "ignore" });
          return true;
        } catch {
          return false;
        }
      })();
  if (present) return;
  if (process.getuid?.() !== 0) throw new Error(`${tool} is missing: apt-get install -y ${pkgs.join(" ")}`);
  execFileSync("apt-get", ["install", "-y", "-qq", ...pkgs], { stdio: "inherit" });
}

/**
 * With BENCH_DATABASE=postgres, a PostgreSQL cluster of the bench's own (Debian's package, initdb
 * into a temporary folder, PostgreSQL's default durability settings) with an empty database, its
 * address returned and the cluster stopped and deleted when the bench exits; otherwise null (SQLite).
 */
export async function benchPostgres(): Promise<string | null> {
  if (process.env.BENCH_DATABASE !== "postgres") return null;
  const { startPgCluster } = await import("../lib/test/pg-cluster");
  const cluster = await startPgCluster({ durable: true });
  cluster.createDatabase("bench");
  process.on("exit", () => cluster.stop());
  return cluster.url("bench");
}

/**
 * The production build (made if missing) and a migrated, seeded demo database. The seed runs in a
 * child process without blocking this one, so a test bucket served from this process can take its photos.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv) {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(path.join(root, ".next", "dateline", "server.mjs")))
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], { cwd: root, env });
  await promisify(execFile)("npx", ["tsx", "prisma/seed.ts"], { cwd: root, env });
}

/**
 * How Dateline is started: `server` is one process of `npm start`'s server (scripts/server.ts:
 * Next.js behind its front cache), `cluster` is what `npm start` runs after its setup (one such
 * process per core, scripts/cluster.ts), `next-start` is Next.js alone, as `next start` serves it.
 */
export type Setup = "server" | "cluster" | "next-start";

/**
 * Dateline started as `setup` on 127.0.0.1 (its log in `dir`/server-`setup`.log), once its sign-in
 * page answers. Node runs it directly (no npx), so `process.pid` is the server's own (for `cluster`,
 * the primary's; its workers are its children). `startedMs` is how long it took to answer.
 */
export async function startDateline(
  dir: string,
  env: NodeJS.ProcessEnv,
  setup: Setup = "server",
): Promise<{ process: ChildProcess; startedMs: number }> {
  const serverLog = fs.openSync(path.join(dir, setup === "server" ? "server.log" : `server-${setup}.log`), "w");
  const args =
    setup === "next-start"
      ? ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(env.PORT)]
      : [setup === "cluster" ? ".next/dateline/cluster.mjs" : ".next/dateline/server.mjs"];
  const started = performance.now();
  const server = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", serverLog, serverLog],
    detached: true,
  });
  fs.closeSync(serverLog); // the child holds its own copy
  children.push(server);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${env.DATELINE_SITE_URL}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    // A server that exits, or answers only errors for a minute, did not start.
    if (i > 1200 || server.exitCode !== null) throw new Error(`Dateline (${setup}) did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { process: server, startedMs: performance.now() - started };
}

/** Resident memory (MiB) of `pid` and of its child processes, from /proc. */
export function residentMiB(pid: number): { pid: number; mib: number }[] {
  const rss = (p: number) => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  let listed = "";
  try {
    listed = execFileSync("ps", ["--ppid", String(pid), "-o", "pid="], { encoding: "utf8" });
  } catch {
    // ps exits 1 when the process has no children
  }
  const kids = listed
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((p) => p > 0);
  return [pid, ...kids].map((p) => ({ pid: p, mib: rss(p) }));
}

/** nginx on `port` serving `body` as a static file from a folder of its own (its config and log in `dir`), checked to answer it, given a second to start. */
export async function startNginx(dir: string, port: number, body: string | Buffer): Promise<ChildProcess> {
  // Run as root, nginx's workers are `nobody`: the bench's own folder (mkdtemp, 0700) is closed to
  // them, so the file is served from a folder of its own that they may read. Without that they
  // answered every request with a 404 of 153 bytes, nearly twice as fast as the page.
  const www = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-nginx-"));
  fs.chmodSync(www, 0o755);
  process.on("exit", () => fs.rmSync(www, { recursive: true, force: true }));
  fs.writeFileSync(path.join(www, "article.html"), body, { mode: 0o644 });
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `worker_processes auto; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; sendfile on; keepalive_requests 100000;
  server { listen 127.0.0.1:${port}; root ${www}; location / { default_type text/html; try_files /article.html =404; } } }`,
  );
  const nginx = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore", detached: true });
  children.push(nginx);
  await new Promise((r) => setTimeout(r, 1000));
  // The figure every other is a ratio to: it must be the page itself.
  const answer = await fetch(`http://127.0.0.1:${port}/`);
  const served = Buffer.from(await answer.arrayBuffer());
  if (answer.status !== 200 || !served.equals(Buffer.from(body)))
    throw new Error(
      `nginx does not serve the page (${answer.status}, ${served.length} of ${Buffer.byteLength(body)} bytes); see ${dir}/nginx-error.log`,
    );
  return nginx;
}

export type WrkResult = { rps: number; p50: number; p99: number };

/** Requests per second and the 50th and 99th percentile latencies (ms) of a `wrk --latency` report. */
export function readWrk(out: string): WrkResult {
  const ms = (label: string) => {
    const m = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return NaN;
    const v = Number(m[1]);
    return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
  };
  // A rate of errors says nothing of the page: wrk counts them as answers like any other.
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1];
  if (errors) throw new Error(`${errors} answers were not 2xx or 3xx:\n${out}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]), p50: ms("50%"), p99: ms("99%") };
}

/**
 * Adds `count` published copies of the wire story (ids uncached000000…, slugs uncached-story-N, in
 * Climate by Maria Okonkwo) that no request has touched: renders that miss every cache.
 */
export async function addUncachedStories(count: number) {
  const { db } = await import("../lib/db");
  const { bodyFromParagraphs, bodyToText } = await import("../lib/articles/body");
  const { WIRE_STORY } = await import("../lib/seed/wire-story");
  const body = bodyFromParagraphs(WIRE_STORY.paragraphs);
  const section = await db.section.findFirstOrThrow({ where: { slug: "climate" } });
  const author = await db.author.findFirstOrThrow({ where: { slug: "maria-okonkwo" } });
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => ({
      id: `uncached${String(start + k).padStart(6, "0")}`,
      slug: `uncached-story-${start + k}`,
      headline: `Uncached story ${start + k}`,
      dek: WIRE_STORY.dek,
      dateline: WIRE_STORY.dateline,
      body,
      bodyText: bodyToText(body),
      status: "PUBLISHED" as const,
      sectionId: section.id,
      firstPublishedAt: new Date(Date.now() - (start + k + 10) * 60_000),
      publishedAt: new Date(),
      contentUpdatedAt: new Date(Date.now() - (start + k + 10) * 60_000),
    }));
    await db.article.createMany({ data: rows });
    await db.articleAuthor.createMany({ data: rows.map((r) => ({ articleId: r.id, authorId: author.id })) });
  }
  return db;
}
