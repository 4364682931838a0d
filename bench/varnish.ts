// npm run bench:varnish: Varnish (deploy/varnish/default.vcl) in front of Dateline, on a production
// build. Starts Dateline (`npm start`'s server) on a fresh demo database with DATELINE_PURGE_VARNISH
// pointing at a varnishd started here, and nginx serving the same article as a static file; drives
// each with wrk (2 threads, 50 connections, 10 s, median of 3 runs taken in turn), then measures
// how long a publish takes to show on the front page through Varnish.
// BENCH_DATABASE=postgres npm run bench:varnish: the several-instance shape (issue 16) — two
// Dateline instances (ports 3610 and 3613) on one PostgreSQL cluster of the bench's own and one
// S3-compatible bucket (s3rver, served from this process), both behind the one Varnish as a
// round-robin director (deploy/README.md, "Several instances"), each purging it; the publish goes
// through the second instance and is timed until Varnish and the first instance serve it.
// Needs Debian's varnish, varnish-modules, wrk and nginx (installed here when root).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  benchEnv,
  benchPostgres,
  cleanupOnExit,
  CRON,
  need,
  prepareDatabase,
  readWrk,
  root,
  startDateline,
  startNginx,
  type WrkResult,
} from "./lib";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-varnish-"));
fs.chmodSync(dir, 0o755); // varnishd's unprivileged compiler reads the VCL from here
const PORT = 3610;
const NGINX_PORT = 3611;
const VARNISH_PORT = 3612;
const SECOND_PORT = 3613;
const BASE = `http://127.0.0.1:${PORT}`;
const SECOND = `http://127.0.0.1:${SECOND_PORT}`;
const VARNISH = `http://127.0.0.1:${VARNISH_PORT}`;
const pidFile = path.join(dir, "varnishd.pid");
const postgres = await benchPostgres();
const bucket = postgres ? await (await import("../lib/test/test-bucket")).startTestBucket() : null;
const env = benchEnv(dir, PORT, {
  DATELINE_PURGE_VARNISH: VARNISH,
  DATELINE_TRUSTED_PROXIES: "1",
  ...(postgres ? { DATABASE_URL: postgres, ...bucket!.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } : {}),
});
cleanupOnExit(() => {
  try {
    process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGTERM");
  } catch {
    // not started, or gone
  }
});

need("/usr/bin/wrk", ["wrk"]);
need("/usr/sbin/nginx", ["nginx"]);
need("/usr/sbin/varnishd", ["varnish", "varnish-modules"]);

await prepareDatabase(env);
Object.assign(process.env, env);

await startDateline(dir, env);
// The second instance: same database, bucket and secret; its own port (and log).
if (postgres) fs.mkdirSync(path.join(dir, "second"));
if (postgres)
  await startDateline(
    path.join(dir, "second"),
    benchEnv(dir, SECOND_PORT, { ...env, PORT: String(SECOND_PORT), DATELINE_SITE_URL: SECOND }),
  );

// The shipped VCL with the backends' ports rewritten; with two instances, deploy/varnish/instances.vcl
// (a round-robin director over both, including default.vcl) from the same folder.
const shipped = (file: string, port: number) =>
  fs
    .readFileSync(path.join(root, "deploy/varnish", file), "utf8")
    .replace(/\.host = "[^"]+";/, '.host = "127.0.0.1";')
    .replace(/\.port = "\d+";/, `.port = "${port}";`);
fs.writeFileSync(path.join(dir, "default.vcl"), shipped("default.vcl", PORT), { mode: 0o644 });
if (postgres) fs.writeFileSync(path.join(dir, "instances.vcl"), shipped("instances.vcl", SECOND_PORT), { mode: 0o644 });
execFileSync(
  "/usr/sbin/varnishd",
  [
    "-n",
    path.join(dir, "varnish"),
    "-a",
    `127.0.0.1:${VARNISH_PORT}`,
    "-f",
    path.join(dir, postgres ? "instances.vcl" : "default.vcl"),
    "-p",
    `vcl_path=${dir}`,
    "-s",
    "malloc,256m",
    "-P",
    pidFile,
  ],
  {
    stdio: "ignore",
  },
);

const ARTICLE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";
for (let i = 0; i < 5; i++) await Promise.all([fetch(VARNISH + ARTICLE), fetch(`${VARNISH}/`)]);
const hit = await fetch(VARNISH + ARTICLE);
if (hit.headers.get("x-cache") !== "HIT") throw new Error(`Varnish does not keep the article (X-Cache: ${hit.headers.get("x-cache")})`);
const html = await hit.text();

// The same article HTML as a static file behind nginx.
await startNginx(dir, NGINX_PORT, html);

type Result = WrkResult;
const wrk = (url: string, headers: string[] = []): Result =>
  readWrk(execFileSync("wrk", ["-t2", "-c50", "-d10s", "--latency", ...headers.flatMap((h) => ["-H", h]), url], { encoding: "utf8" }));
const median = (runs: Result[]): Result => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;

const targets: [string, string, string[]][] = [
  ["nginx, the article as a static file", `http://127.0.0.1:${NGINX_PORT}/`, []],
  ["Varnish, the article (cached)", VARNISH + ARTICLE, []],
  ["Varnish, the article (cached), gzip", VARNISH + ARTICLE, ["Accept-Encoding: gzip"]],
];
for (const [, url, headers] of targets)
  execFileSync("wrk", ["-t2", "-c50", "-d2s", ...headers.flatMap((h) => ["-H", h]), url], { stdio: "ignore" }); // warm-up
const runs = targets.map(() => [] as Result[]);
// Taken in turn, so a slower moment of a shared machine falls on each.
for (let round = 0; round < 3; round++) targets.forEach(([, url, headers], i) => runs[i]!.push(wrk(url, headers)));

// Publish to visible through Varnish: a story scheduled for now, published through the cron endpoint
// (in the server, which purges Varnish); the front page is asked through Varnish until it shows it.
const { db } = await import("../lib/db");
const { createArticle, transitionArticle } = await import("../lib/articles/mutations/index");
const { bodyFromParagraphs } = await import("../lib/articles/body");
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
const section = await db.section.findFirstOrThrow({ where: { slug: "world" } });
const author = await db.author.findFirstOrThrow();
const publishes: { toVisible: number; afterAnswer: number; onFirst: number }[] = [];
// On PostgreSQL the publish goes through the second instance; the first hears of it from the database.
const PUBLISHER = postgres ? SECOND : BASE;
const PUBLISHES = 5;
for (let round = 0; round < PUBLISHES; round++) {
  for (const page of ["/", "/world"]) await fetch(VARNISH + page);
  const headline = `Varnish publish ${Date.now()}`;
  const story = await createArticle(admin, {
    headline,
    slug: `varnish-publish-${Date.now()}`,
    sectionId: section.id,
    authorIds: [author.id],
    body: bodyFromParagraphs(["Text."]),
  });
  await transitionArticle(admin, { id: story.id, version: story.version, to: "SCHEDULED", scheduledFor: new Date(Date.now() + 1200) });
  await new Promise((r) => setTimeout(r, 1300));
  if ((await fetch(`${VARNISH}/`)).headers.get("x-cache") !== "HIT") throw new Error("The front page was not cached before the publish");
  if (postgres) await fetch(`${BASE}/`);
  const started = performance.now();
  const cron = await fetch(`${PUBLISHER}/api/cron/publish-scheduled`, { method: "POST", headers: { authorization: `Bearer ${CRON}` } });
  await cron.text();
  const answered = performance.now();
  const shows = async (url: string) => {
    for (;;) {
      if ((await (await fetch(url)).text()).includes(headline)) return performance.now();
      if (performance.now() - started > 10_000) throw new Error(`The story did not reach ${url} (cron ${cron.status})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const [throughVarnish, onFirst] = await Promise.all([shows(`${VARNISH}/`), postgres ? shows(`${BASE}/`) : Promise.resolve(NaN)]);
  publishes.push({ toVisible: throughVarnish - started, afterAnswer: throughVarnish - answered, onFirst: onFirst - started });
  await new Promise((r) => setTimeout(r, 2500)); // the server's second purge (lib/cache/purge.ts)
}

const nginx = median(runs[0]!);
console.log(
  `\n${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}, ${/varnish-[\d.]+/.exec(spawnSync("/usr/sbin/varnishd", ["-V"], { encoding: "utf8" }).stderr)?.[0]}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  "| what (median of 3 runs of wrk -t2 -c50 -d10s) | requests/s | × nginx | p50 ms | p99 ms | the 3 runs, requests/s |\n|---|---|---|---|---|---|",
);
targets.forEach(([label], i) => {
  const m = median(runs[i]!);
  console.log(
    `| ${label} | ${Math.round(m.rps)} | ${(m.rps / nginx.rps).toFixed(2)} | ${m.p50.toFixed(2)} | ${m.p99.toFixed(2)} | ${runs[i]!.map((r) => Math.round(r.rps)).join(", ")} |`,
  );
});
const sorted = [...publishes].sort((a, b) => a.toVisible - b.toVisible);
console.log(
  `\nPublish to visible on the front page through Varnish (cron publish${postgres ? " on the second instance" : ""} → first Varnish answer with the story), ${PUBLISHES} publishes: ` +
    `${sorted.map((p) => `${Math.round(p.toVisible)} ms`).join(", ")} (median ${Math.round(sorted[Math.floor(PUBLISHES / 2)]!.toVisible)} ms; ` +
    `${sorted.map((p) => Math.round(p.afterAnswer)).join(", ")} ms after the publish request answered).`,
);
if (postgres) {
  console.log(
    `Two instances on PostgreSQL with photos in a bucket; the first instance served the story on its front page ` +
      `${publishes.map((p) => `${Math.round(p.onFirst)} ms`).join(", ")} after the publish request (in publish order).`,
  );
  // Both instances took Varnish's fetches (deploy/varnish/instances.vcl's director): its counters per backend.
  const stats = spawnSync("varnishstat", ["-n", path.join(dir, "varnish"), "-1", "-f", "VBE.*.req"], { encoding: "utf8" }).stdout;
  const fetches = [...stats.matchAll(/VBE\.\S+\.(\w+)\.req\s+(\d+)/g)].map(([, backend, count]) => `${backend} ${count}`);
  console.log(`Varnish's fetches per backend: ${fetches.join(", ")}.`);
  if (fetches.length !== 2 || fetches.some((entry) => entry.endsWith(" 0"))) throw new Error(`Not both instances were used: ${stats}`);
}
await db.$disconnect();
await bucket?.stop();
process.exit(0);
