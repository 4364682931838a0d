// npm run bench:varnish: Varnish (deploy/varnish/default.vcl) in front of Dateline, on a production
// build. Starts Dateline (`npm start`'s server) on a fresh demo database with DATELINE_PURGE_VARNISH
// pointing at a varnishd started here, and nginx serving the same article as a static file; drives
// each with wrk (2 threads, 50 connections, 10 s, median of 3 runs taken in turn), then measures
// how long a publish takes to show on the front page through Varnish.
// Needs Debian's varnish, varnish-modules, wrk and nginx (installed here when root).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchEnv, cleanupOnExit, CRON, need, prepareDatabase, readWrk, root, startDateline, startNginx, type WrkResult } from "./lib";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-varnish-"));
fs.chmodSync(dir, 0o755); // varnishd's unprivileged compiler reads the VCL from here
const PORT = 3610;
const NGINX_PORT = 3611;
const VARNISH_PORT = 3612;
const BASE = `http://127.0.0.1:${PORT}`;
const VARNISH = `http://127.0.0.1:${VARNISH_PORT}`;
const env = benchEnv(dir, PORT, { DATELINE_PURGE_VARNISH: VARNISH, DATELINE_TRUSTED_PROXIES: "1" });
const pidFile = path.join(dir, "varnishd.pid");
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

prepareDatabase(env);
Object.assign(process.env, env);

await startDateline(dir, env);

const vcl = fs.readFileSync(path.join(root, "deploy/varnish/default.vcl"), "utf8").replace(/\.port = "\d+";/, `.port = "${PORT}";`);
fs.writeFileSync(path.join(dir, "default.vcl"), vcl, { mode: 0o644 });
execFileSync(
  "/usr/sbin/varnishd",
  [
    "-n",
    path.join(dir, "varnish"),
    "-a",
    `127.0.0.1:${VARNISH_PORT}`,
    "-f",
    path.join(dir, "default.vcl"),
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
const publishes: { toVisible: number; afterAnswer: number }[] = [];
for (let round = 0; round < 3; round++) {
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
  const started = performance.now();
  const cron = await fetch(`${BASE}/api/cron/publish-scheduled`, { method: "POST", headers: { authorization: `Bearer ${CRON}` } });
  await cron.text();
  const answered = performance.now();
  for (;;) {
    if ((await (await fetch(`${VARNISH}/`)).text()).includes(headline)) break;
    if (performance.now() - started > 10_000)
      throw new Error(`The story did not reach the front page through Varnish (cron ${cron.status})`);
    await new Promise((r) => setTimeout(r, 10));
  }
  publishes.push({ toVisible: performance.now() - started, afterAnswer: performance.now() - answered });
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
  `\nPublish to visible on the front page through Varnish (cron publish → first Varnish answer with the story), 3 publishes: ` +
    `${sorted.map((p) => `${Math.round(p.toVisible)} ms`).join(", ")} (median ${Math.round(sorted[1]!.toVisible)} ms; ` +
    `${sorted.map((p) => Math.round(p.afterAnswer)).join(", ")} ms after the publish request answered).`,
);
await db.$disconnect();
process.exit(0);
