// npm run bench:sources -- [--stories 1000] [--checks 10000]: archived copies and link checks (issue 19).
// A local source server (a process of its own) plays ~30 kB news pages. Phase 1 publishes `stories`
// stories with three sources each through the real publish move, then runs the capture jobs with one
// job runner, as one server process would: time, captures per second, peak memory, and storage per
// capture (WARC bytes in the media store, database growth). Phase 2: the server changes a fifth of
// its pages and removes a twentieth; `checks` sources of live stories (the captured ones plus copies of
// their rows, each its own address) are checked once. All sources live on one host here, so the
// per-host limit and gap are lifted for this pass (a real pass takes one source per host per gap).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

if (process.argv[2] === "--serve") {
  // The source server: /p/<n> pages; POST /phase/2 changes every fifth page and removes every twentieth.
  const http = await import("node:http");
  let phase = 1;
  const words = (
    "the a of to in and ministry ferry island harbour storm pier repair report council budget vote minister port agency " +
    "statement data said on monday tuesday would after million euros regional government passengers tickets crossing month " +
    "inspection divers foundations northern southern approach vessels metres notice closed opened season weather forecast"
  ).split(" ");
  const page = (n: number) => {
    const paras: string[] = [];
    for (let p = 0; p < 40; p++) {
      // Words drawn by a generator seeded by the page (and, for a changed page, by the phase): text that compresses like prose.
      let seed = (n * 7919 + p * 104729 + (phase === 2 && n % 5 === 0 ? 1 : 0) * 15485863) >>> 0;
      const text = Array.from({ length: 100 }, () => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return words[seed % words.length];
      }).join(" ");
      paras.push(`<p>${text}.</p>`);
    }
    return `<!doctype html><html><head><meta charset="utf-8"><title>Source page ${n}</title><script>var tracking=1</script></head><body><nav>Home · News · About</nav><article><h1>Source page ${n}</h1>${paras.join("\n")}</article><footer>Copyright</footer></body></html>`;
  };
  const server = http.createServer((req, res) => {
    if (req.method === "POST" && req.url === "/phase/2") {
      phase = 2;
      return res.end("ok");
    }
    const n = Number(/^\/p\/(\d+)$/.exec(new URL(req.url ?? "/", "http://x").pathname)?.[1] ?? NaN);
    if (!Number.isFinite(n) || (phase === 2 && n % 20 === 0)) {
      res.writeHead(404);
      return res.end("gone");
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page(n));
  });
  server.listen(0, "127.0.0.1", () => console.log(`PORT ${(server.address() as { port: number }).port}`));
} else {
  const { values } = parseArgs({
    options: { stories: { type: "string", default: "1000" }, checks: { type: "string", default: "10000" } },
    strict: false,
  });
  const STORIES = Number(values.stories);
  const CHECKS = Number(values.checks);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-sources-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  process.env.DATELINE_MEDIA_DIR = path.join(dir, "media");
  process.env.DATELINE_LOG_LEVEL = "error";
  // The bench's source server is on loopback: allowed for sources the way an operator would.
  process.env.DATELINE_SOURCE_PRIVATE_HOSTS = "127.0.0.1:*";
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: process.env });

  const server = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--serve"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) =>
    server.stdout.on("data", (d: Buffer) => resolve(Number(/PORT (\d+)/.exec(String(d))?.[1]))),
  );
  const source = (n: number) => `http://127.0.0.1:${port}/p/${n}`;

  const { db } = await import("../lib/db");
  const { createArticle, transitionArticle } = await import("../lib/articles/mutations");
  const { makeNewsroomBits, makeUser, readyArticleInput } = await import("../lib/test/factories");
  const { JobRunner } = await import("../lib/jobs/runner");
  const { sourceJobs } = await import("../lib/sources/jobs");
  const { runSourceChecks } = await import("../lib/sources/check");
  const editor = await makeUser("EDITOR");
  const bits = await makeNewsroomBits();

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const dbBytes = () =>
    ["bench.db", "bench.db-wal"].reduce((sum, f) => sum + (fs.existsSync(path.join(dir, f)) ? fs.statSync(path.join(dir, f)).size : 0), 0);

  // Phase 1: publish, then capture.
  const publishStart = performance.now();
  for (let i = 0; i < STORIES; i++) {
    const story = await createArticle(
      editor,
      readyArticleInput(bits.section.id, bits.author.id, {
        sources: [0, 1, 2].map((k) => ({ url: source(i * 3 + k), title: `Source ${i * 3 + k}` })),
      }),
    );
    await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
  }
  const publishSeconds = (performance.now() - publishStart) / 1000;
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const dbBefore = dbBytes();
  peak = 0;
  const captureStart = performance.now();
  const runner = new JobRunner({ handlers: sourceJobs, batch: 50 });
  while ((await runner.runDue()) > 0);
  const captureSeconds = (performance.now() - captureStart) / 1000;
  const capturePeak = peak;
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const captures = await db.sourceCapture.count({ where: { state: "CAPTURED" } });
  const failed = await db.sourceCapture.count({ where: { state: { not: "CAPTURED" } } });
  const warcBytes = fs.readdirSync(path.join(dir, "media")).reduce((sum, f) => sum + fs.statSync(path.join(dir, "media", f)).size, 0);
  const agg = await db.sourceCapture.aggregate({ _avg: { bytes: true } });

  // Phase 2: more sources to check (each its own address and copy), then one pass over all of them.
  const rows = await db.sourceCapture.findMany({
    where: { state: "CAPTURED" },
    select: { articleId: true, text: true, url: true, sha256: true },
  });
  const extra = CHECKS - (await db.sourceCheck.count());
  const now = new Date();
  for (let i = 0; i < extra; i += 500) {
    const batch = Array.from({ length: Math.min(500, extra - i) }, (_, j) => {
      const n = STORIES * 3 + i + j;
      const row = rows[n % rows.length]!;
      return { row, url: source(n % (STORIES * 3)) + `?copy=${n}` };
    });
    await db.sourceLink.createMany({ data: batch.map((b) => ({ articleId: b.row.articleId, url: b.url, title: "Extra source" })) });
    await db.sourceCapture.createMany({
      data: batch.map((b) => ({
        articleId: b.row.articleId,
        url: b.url,
        state: "CAPTURED" as const,
        trigger: "publish",
        finalUrl: b.url,
        text: b.row.text,
        sha256: b.row.sha256,
        fetchedAt: now,
      })),
    });
    await db.sourceCheck.createMany({
      data: batch.map((b) => ({ articleId: b.row.articleId, url: b.url, host: "127.0.0.1", nextCheckAt: now })),
    });
  }
  await db.sourceCheck.updateMany({ data: { nextCheckAt: now } });
  await fetch(`http://127.0.0.1:${port}/phase/2`, { method: "POST" });
  peak = 0;
  const checkStart = performance.now();
  let checked = 0;
  let passes = 0;
  const later = new Date(now.getTime() + 1000);
  for (;;) {
    const run = await runSourceChecks(later, { batch: 500, perHost: Number.POSITIVE_INFINITY, hostGapMs: 0, concurrency: 8 });
    passes++;
    checked += run.checked;
    if (run.checked === 0) break;
  }
  const checkSeconds = (performance.now() - checkStart) / 1000;
  clearInterval(sampler);
  const verdicts = await db.sourceCheck.groupBy({ by: ["verdict"], _count: true });

  console.log(
    JSON.stringify(
      {
        stories: STORIES,
        publishSeconds: +publishSeconds.toFixed(1),
        capture: {
          sources: STORIES * 3,
          captured: captures,
          notCaptured: failed,
          seconds: +captureSeconds.toFixed(1),
          capturesPerSecond: +(captures / captureSeconds).toFixed(1),
          peakRssMB: Math.round(capturePeak / 1e6),
          avgPageBytes: Math.round(agg._avg.bytes ?? 0),
          warcBytesPerCapture: Math.round(warcBytes / captures),
          databaseBytesPerCapture: Math.round((dbBytes() - dbBefore) / captures),
        },
        check: {
          sources: await db.sourceCheck.count(),
          checked,
          passes,
          seconds: +checkSeconds.toFixed(1),
          checksPerSecond: +(checked / checkSeconds).toFixed(1),
          peakRssMB: Math.round(peak / 1e6),
          verdicts: Object.fromEntries(verdicts.map((v) => [v.verdict, v._count])),
          // Gone only after SOURCE_GONE_AFTER failed checks in a row: after one pass they are failing.
          failingOnce: await db.sourceCheck.count({ where: { failures: { gt: 0 } } }),
        },
      },
      null,
      2,
    ),
  );
  server.kill();
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
