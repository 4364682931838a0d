// npm run bench:api: the content API under load, on a production build, beside nginx serving the
// same story's JSON as a static file in the same run (the bench:public pattern): a story list and a
// single story, cached (the tagged data cache answers) and uncached (each request asks for something
// nobody asked for before), then webhook fan-out: publish to delivered at 1 and 20 subscribers.
// Needs Debian's wrk and nginx: apt-get install -y wrk nginx (done here when root).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import {
  addUncachedStories,
  benchEnv,
  cleanupOnExit,
  need,
  prepareDatabase,
  readWrk,
  startDateline,
  startNginx,
  type WrkResult,
} from "./lib";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-api-"));
const PORT = 3404;
const NGINX_PORT = 3405;
const RECEIVER_PORT = 3406;
const BASE = `http://127.0.0.1:${PORT}`;
// Limits out of the way (this measures throughput, not the limiter); the job runner polls every second.
const env = benchEnv(dir, PORT, {
  DATELINE_API_READ_RATE: "1000000",
  DATELINE_API_KEY_RATE: "1000000",
  DATELINE_SCHEDULER_INTERVAL: "1",
});
const cleanup = cleanupOnExit();
need("wrk", ["wrk"]);
need("nginx", ["nginx"]);
await prepareDatabase(env);

const UNCACHED = 6000;
Object.assign(process.env, env);
const { db } = await import("../lib/db");
{
  await addUncachedStories(UNCACHED);
  // Every request a path nobody asked for: a story by id, or a list page from a moment nobody asked about.
  const lua = (name: string, body: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `local i = 0\nrequest = function()\n  i = i + 1\n${body}\nend\n`);
    return file;
  };
  lua("story.lua", `  return wrk.format("GET", string.format("/api/v1/stories/uncached%06d", (i - 1) % ${UNCACHED}))`);
  lua(
    "list.lua",
    `  return wrk.format("GET", string.format("/api/v1/stories?limit=20&updatedSince=2001-01-01T%02d:%02d:%02d.%03dZ", math.floor(i / 3600000) % 24, math.floor(i / 60000) % 60, math.floor(i / 1000) % 60, i % 1000))`,
  );
}

await startDateline(dir, env);
const wire = await db.article.findFirstOrThrow({
  where: { slug: "the-sea-has-already-decided-harrow-point-votes-to-move-inland" },
  select: { id: true },
});
const STORY = `/api/v1/stories/${wire.id}`;
// The newest 20 (no query string: the front cache keeps it, as it keeps pages).
const LIST = "/api/v1/stories";
for (let i = 0; i < 20; i++) await Promise.all([fetch(BASE + STORY), fetch(BASE + LIST)]);
const json = await (await fetch(BASE + STORY)).text();
await startNginx(dir, NGINX_PORT, json);

function wrk(url: string, script?: string): WrkResult {
  const args = ["-t2", "-c50", "-d15s", "--latency", ...(script ? ["-s", script] : []), url];
  if (!script) execFileSync("wrk", ["-t2", "-c50", "-d3s", url], { stdio: "ignore" });
  return readWrk(execFileSync("wrk", args, { encoding: "utf8" }));
}

const results: [string, WrkResult][] = [];
results.push(["nginx, the story's JSON as a static file", wrk(`http://127.0.0.1:${NGINX_PORT}/`)]);
results.push(["API story list, newest 20 (cached)", wrk(BASE + LIST)]);
results.push(["API single story (cached)", wrk(BASE + STORY)]);
results.push(["API story list, uncached (a list nobody asked for)", wrk(BASE + "/", path.join(dir, "list.lua"))]);
results.push(["API single story, uncached (a story's first request)", wrk(BASE + "/", path.join(dir, "story.lua"))]);

// Webhook fan-out: a receiver on 127.0.0.1 (allowed explicitly), N webhooks, one publish.
const received: number[] = [];
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received.push(performance.now());
    res.end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, "127.0.0.1", resolve));
await db.outboundAllowedHost.create({ data: { host: "127.0.0.1:*" } });
const { createArticle, transitionArticle } = await import("../lib/articles/mutations/index");
const { bodyFromParagraphs } = await import("../lib/articles/body");
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
const section = await db.section.findFirstOrThrow({ where: { slug: "world" } });
const author = await db.author.findFirstOrThrow();
const fanOut: [number, number[]][] = [];
for (const subscribers of [1, 20]) {
  await db.webhook.deleteMany();
  for (let i = 0; i < subscribers; i++)
    await db.webhook.create({
      data: {
        name: `bench ${i}`,
        url: `http://127.0.0.1:${RECEIVER_PORT}/hook/${i}`,
        events: '["story.published"]',
        secret: "bench-secret",
      },
    });
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const story = await createArticle(admin, {
      headline: `Fan-out ${subscribers} ${run}`,
      slug: `fan-out-${subscribers}-${run}-${Date.now()}`,
      sectionId: section.id,
      authorIds: [author.id],
      body: bodyFromParagraphs(["Text."]),
    });
    received.length = 0;
    const started = performance.now();
    await transitionArticle(admin, { id: story.id, version: story.version, to: "PUBLISHED" });
    while (received.length < subscribers) {
      if (performance.now() - started > 30_000) throw new Error(`only ${received.length} of ${subscribers} deliveries arrived`);
      await new Promise((r) => setTimeout(r, 5));
    }
    runs.push(Math.max(...received) - started);
  }
  fanOut.push([subscribers, runs.sort((a, b) => a - b)]);
}
receiver.close();

const nginxRps = results[0]![1].rps;
console.log(`\n${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| what | requests/s | × nginx | p50 ms | p99 ms |\n|---|---|---|---|---|");
for (const [label, r] of results)
  console.log(`| ${label} | ${r.rps.toFixed(0)} | ${(r.rps / nginxRps).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
console.log("\n| webhook subscribers | publish → last delivery, median of 5 (ms) | slowest (ms) |\n|---|---|---|");
for (const [n, runs] of fanOut) console.log(`| ${n} | ${runs[2]!.toFixed(0)} | ${runs[4]!.toFixed(0)} |`);
console.log(`\nStory JSON: ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB`);
await db.$disconnect();
cleanup();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
