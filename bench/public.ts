// npm run bench:public: the reader's side under load, on a production build. Starts Dateline on a
// fresh demo database three ways at once — one process of `npm start`'s server (Next.js behind its
// front cache), `npm start`'s cluster (one such process per core) and `next start` alone — and
// nginx serving the same article as a static file, then drives each with wrk from a second process
// on 127.0.0.1 (50 connections, 10 s after a 2 s warm-up, three rounds taken in turn, the median
// kept). Then the cold render, the editors' preview, resident memory after the load, how soon
// each setup answered after its process started, and publish to visible on every process.
// Needs Debian's wrk and nginx: apt-get install -y wrk nginx (done here when root).
// BENCH_DATABASE=postgres npm run bench:public: the same on a PostgreSQL cluster of its own.
import { execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  addUncachedStories,
  benchEnv,
  benchPostgres,
  children,
  cleanupOnExit,
  CRON,
  need,
  prepareDatabase,
  readWrk,
  residentMiB,
  startDateline,
  startNginx,
  type WrkResult,
} from "./lib";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-public-"));
const PORT = 3300;
const NGINX_PORT = 3301;
const CLUSTER_PORT = 3302;
const NEXT_PORT = 3303;
const BASE = `http://127.0.0.1:${PORT}`;
const cleanup = cleanupOnExit();
const postgres = await benchPostgres();
const env = benchEnv(dir, PORT, postgres ? { DATABASE_URL: postgres } : {});
need("wrk", ["wrk"]);
need("nginx", ["nginx"]);
await prepareDatabase(env);

// Stories that have never been requested, for measuring renders that miss every cache.
const UNCACHED = 10_000;
Object.assign(process.env, env);
{
  await addUncachedStories(UNCACHED);
  fs.writeFileSync(path.join(dir, "uncached.txt"), Array.from({ length: UNCACHED }, (_, i) => `/climate/uncached-story-${i}`).join("\n"));
  fs.writeFileSync(
    path.join(dir, "uncached.lua"),
    // Walks the stories in turn and counts the answers the front cache gave (it keeps the 5,000
    // most recent pages, so a story comes round again only after it has left the cache).
    `local paths = {}\nfor line in io.lines("${path.join(dir, "uncached.txt")}") do paths[#paths + 1] = line end\nlocal i = 0\nhits = 0\n` +
      `request = function()\n  i = i + 1\n  return wrk.format("GET", paths[((i - 1) % #paths) + 1])\nend\n` +
      `response = function(status, headers)\n  if headers["x-dateline-cache"] == "HIT" then hits = hits + 1 end\nend\n` +
      `local threads = {}\nfunction setup(thread) threads[#threads + 1] = thread end\n` +
      `function done()\n  local total = 0\n  for _, t in ipairs(threads) do total = total + t:get("hits") end\n  io.write("front-cache hits: " .. total .. "\\n")\nend\n`,
  );
}

const one = await startDateline(dir, env);
const clusterEnv = { ...env, PORT: String(CLUSTER_PORT), DATELINE_SITE_URL: `http://127.0.0.1:${CLUSTER_PORT}` };
const clustered = await startDateline(dir, clusterEnv, "cluster");
const nextEnv = { ...env, PORT: String(NEXT_PORT), DATELINE_SITE_URL: `http://127.0.0.1:${NEXT_PORT}` };
const nextAlone = await startDateline(dir, nextEnv, "next-start");
const setups = [
  { label: "one process of npm start's server (front cache)", base: BASE, server: one },
  {
    label: `npm start (${residentMiB(clustered.process.pid!).length - 1} workers, front cache)`,
    base: clusterEnv.DATELINE_SITE_URL,
    server: clustered,
  },
  { label: "next start alone (no cache in front)", base: nextEnv.DATELINE_SITE_URL, server: nextAlone },
];

const ARTICLE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";
for (const { base } of setups) for (let i = 0; i < 20; i++) await Promise.all([fetch(base + ARTICLE), fetch(`${base}/`)]);
const html = await (await fetch(BASE + ARTICLE)).text();

// The same article HTML as a static file behind nginx.
await startNginx(dir, NGINX_PORT, html);

// An uncached render: the editors' preview renders the same story from the database on every request.
const csrf = await fetch(`${BASE}/api/auth/csrf`);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const signIn = await fetch(`${BASE}/api/auth/callback/credentials`, {
  method: "POST",
  redirect: "manual",
  headers: {
    "content-type": "application/x-www-form-urlencoded",
    cookie: csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  },
  body: new URLSearchParams({ csrfToken, email: "admin@dateline.local", password: env.DATELINE_ADMIN_PASSWORD, json: "true" }),
});
const cookie = [...csrf.headers.getSetCookie(), ...signIn.headers.getSetCookie()].map((c) => c.split(";")[0]).join("; ");
const { db } = await import("../lib/db");
const wireId = await db.article.findUniqueOrThrow({ where: { slug: ARTICLE.split("/")[2]! }, select: { id: true } });

type Result = WrkResult & { requests?: number; hits?: number };
// Run without blocking this process's event loop: a blocked loop keeps fetch's idle connections
// past the server's keep-alive timeout, and the next fetch writes into a closed socket (EPIPE).
const run = promisify(execFile);
async function wrk(url: string, headers: string[] = [], script?: string, seconds = 15): Promise<Result> {
  const args = [
    script ? "-t1" : "-t2",
    "-c50",
    `-d${seconds}s`,
    "--latency",
    ...(script ? ["-s", script] : []),
    ...headers.flatMap((h) => ["-H", h]),
    url,
  ];
  if (!script) await run("wrk", ["-t2", "-c50", "-d2s", ...headers.flatMap((h) => ["-H", h]), url]); // warm-up
  const { stdout: out } = await run("wrk", args, { encoding: "utf8" });
  return {
    ...readWrk(out),
    requests: Number(/(\d+) requests in/.exec(out)?.[1]),
    hits: Number(/front-cache hits: (\d+)/.exec(out)?.[1] ?? NaN),
  };
}

// The cached pages, every setup beside nginx: three rounds, each target once per round in turn,
// so that a noisy minute on this shared machine touches every figure alike.
const targets: [string, string][] = [["nginx, the article as a static file", `http://127.0.0.1:${NGINX_PORT}/`]];
for (const { label, base } of setups) targets.push([`${label}: article`, base + ARTICLE], [`${label}: front page`, `${base}/`]);
const rounds: Result[][] = targets.map(() => []);
for (let round = 0; round < 3; round++) for (const [i, [, url]] of targets.entries()) rounds[i]!.push(await wrk(url, [], undefined, 10));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
const cached = rounds.map((runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  all: runs.map((r) => r.rps.toFixed(0)).join(", "),
}));
// Printed at once: the runs below take a while.
const nginxRps = cached[0]!.rps;
console.log(
  `\n${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC, ${postgres ? "PostgreSQL" : "SQLite"}, ${UNCACHED + 10} published stories\n`,
);
console.log("Cached pages, median of 3 rounds of wrk -t2 -c50 -d10s:\n");
console.log("| what | requests/s | × nginx | p50 ms | p99 ms | the 3 runs, requests/s |\n|---|---|---|---|---|---|");
targets.forEach(([label], i) => {
  const r = cached[i]!;
  console.log(
    `| ${label} | ${r.rps.toFixed(0)} | ${(r.rps / nginxRps).toFixed(4)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.all} |`,
  );
});
// Resident memory of every server process after that load.
const memory = setups.map(({ label, server }) => ({ label, rss: residentMiB(server.process.pid!) }));

const results: [string, Result][] = [];
// Each request asks for a story nobody has requested yet: a full render that misses every cache.
for (let i = 0; i < 5; i++) await fetch(`${BASE}/climate/uncached-story-${UNCACHED - 1 - i}`);
const uncached = await wrk(`${BASE}/`, [], path.join(dir, "uncached.lua"));
if (uncached.hits !== 0) throw new Error(`The uncached run was answered from the front cache ${uncached.hits} times: seed more stories.`);
console.log(`Uncached run: ${uncached.requests} requests over ${UNCACHED} stories, none answered from a cache.`);
results.push(["Dateline article, uncached render (a story's first request)", uncached]);
// wrk counts a redirect as an answer: a session that did not sign in would measure redirects to /login.
const PREVIEW = `${BASE}/admin/articles/${wireId.id}/preview`;
const previewStatus = (await fetch(PREVIEW, { headers: { cookie }, redirect: "manual" })).status;
if (previewStatus !== 200) throw new Error(`The preview answers ${previewStatus}, not the page: the bench's sign-in failed.`);
results.push(["Dateline article, editors' preview (session check, uncached render)", await wrk(PREVIEW, [`Cookie: ${cookie}`])]);

// Publish to front page: a story scheduled for now, published through the cron endpoint.
const headline = `Benchmark publish ${Date.now()}`;
const { createArticle, transitionArticle } = await import("../lib/articles/mutations/index");
const { bodyFromParagraphs } = await import("../lib/articles/body");
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
const section = await db.section.findFirstOrThrow({ where: { slug: "world" } });
const author = await db.author.findFirstOrThrow();
const story = await createArticle(admin, {
  headline,
  slug: `bench-publish-${Date.now()}`,
  sectionId: section.id,
  authorIds: [author.id],
  body: bodyFromParagraphs(["Text."]),
});
await transitionArticle(admin, { id: story.id, version: story.version, to: "SCHEDULED", scheduledFor: new Date(Date.now() + 1500) });
await new Promise((r) => setTimeout(r, 1600));
const started = performance.now();
const cron = await fetch(`${BASE}/api/cron/publish-scheduled`, { method: "POST", headers: { authorization: `Bearer ${CRON}` } });
const cronBody = await cron.text();
for (;;) {
  const front = await fetch(`${BASE}/`);
  if ((await front.text()).includes(headline)) break;
  if (performance.now() - started > 10_000) {
    const row = await db.article.findUnique({
      where: { id: story.id },
      select: { status: true, firstPublishedAt: true, scheduledFor: true },
    });
    console.error(fs.readFileSync(path.join(dir, "server.log"), "utf8").slice(-3000), new Date().toISOString());
    throw new Error(
      `The story did not reach the front page (cron ${cron.status} ${cronBody}; story ${JSON.stringify(row)}; front ${front.headers.get("x-nextjs-cache")} ${front.headers.get("x-dateline-cache")})`,
    );
  }
}
const publishMs = performance.now() - started;
// The same change on every other process: each cluster worker (a new connection is handed to the
// next worker, so each poll closes its own) and next start, which hear of it from the expiry table.
const { default: http } = await import("node:http");
const getFresh = (url: string) =>
  new Promise<{ worker: string; body: string }>((resolve, reject) =>
    http
      .get(url, { agent: false, headers: { connection: "close" } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ worker: String(res.headers["x-dateline-worker"] ?? ""), body }));
      })
      .on("error", reject),
  );
const seen = new Map<string, number>();
const workers = setups[1]!.label.match(/\d+/)![0];
while (seen.size < Number(workers) + 1) {
  if (performance.now() - started > 10_000) throw new Error(`Not every process showed the publish: ${[...seen.keys()].join(", ")}`);
  const clusterAnswer = await getFresh(`${setups[1]!.base}/`);
  if (clusterAnswer.body.includes(headline) && !seen.has(`worker ${clusterAnswer.worker}`))
    seen.set(`worker ${clusterAnswer.worker}`, performance.now() - started);
  if (!seen.has("next start") && (await getFresh(`${setups[2]!.base}/`)).body.includes(headline))
    seen.set("next start", performance.now() - started);
}

const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
let jsBytes = 0;
for (const src of scripts) jsBytes += (await (await fetch(new URL(src, BASE))).arrayBuffer()).byteLength;

// Time to first answer again, each setup started alone on an otherwise idle machine (three starts
// each, median): the figures taken above overlap the other setups' starts and the database's seeding.
cleanup();
const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
await Promise.all(children.map(stopped));
const startsAlone: { label: string; ms: number[] }[] = [];
for (const [index, kind, setupEnv] of [
  [0, "server", env],
  [1, "cluster", clusterEnv],
  [2, "next-start", nextEnv],
] as const) {
  const ms: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = await startDateline(dir, setupEnv, kind);
    ms.push(started.startedMs);
    process.kill(-started.process.pid!, "SIGTERM");
    await stopped(started.process);
  }
  startsAlone.push({ label: setups[index]!.label, ms: ms.sort((a, b) => a - b) });
}

console.log("\nUncached renders (one run each; the cold render walks stories in turn with wrk -t1):\n");
console.log("| what | requests/s | × nginx | p50 ms | p99 ms |\n|---|---|---|---|---|");
for (const [label, r] of results)
  console.log(`| ${label} | ${r.rps.toFixed(0)} | ${(r.rps / nginxRps).toFixed(4)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
console.log("\nResident memory (RSS) after the cached load, MiB (for npm start: the primary, then each worker):");
for (const { label, rss } of memory) console.log(`- ${label}: ${rss.map((r) => r.mib.toFixed(0)).join(", ")}`);
console.log("\nFrom the process starting to its first answer (built, migrated database; no build check):");
for (const { label, server } of setups) console.log(`- ${label}: ${server.startedMs.toFixed(0)} ms`);
console.log("The same, each setup started alone on the idle machine (three starts, median; all three):");
for (const { label, ms } of startsAlone) console.log(`- ${label}: ${ms[1]!.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(", ")})`);
console.log(`\nPublish → on the front page: ${publishMs.toFixed(0)} ms on the publishing process; on every other process:`);
for (const [where, ms] of seen) console.log(`- ${where}: ${ms.toFixed(0)} ms`);
console.log(
  `Article HTML: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB uncompressed; JavaScript: ${(jsBytes / 1024).toFixed(1)} KB in ${scripts.length} files (none needed to read)`,
);
await db.$disconnect();
cleanup();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
