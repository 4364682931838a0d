// npm run bench:photos: a photo variant served by Dateline's /media route from the photos folder
// and from an S3-compatible bucket (s3rver, started by scripts/with-test-bucket.ts in a process of
// its own), straight from that bucket (what DATELINE_MEDIA_PUBLIC_BASE_URL points readers at), and
// by nginx as a static file, all in the same run: wrk from 127.0.0.1, 50 connections, 10 s each,
// after a warm-up. Needs a production build, wrk and nginx (apt-get install -y wrk nginx).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchEnv, children, cleanupOnExit, need, prepareDatabase, readWrk, root, startDateline, startNginx, type WrkResult } from "./lib";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 3320);
const [DISK_PORT, BUCKET_PORT, NGINX_PORT] = [BASE_PORT, BASE_PORT + 1, BASE_PORT + 2];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-photos-"));
const bucketDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-photos-bucket-"));
cleanupOnExit();
need("wrk", ["wrk"]);
need("nginx", ["nginx"]);

const ARTICLE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";
const heroOf = async (base: string) => {
  const html = await (await fetch(base + ARTICLE)).text();
  return /(\/media\/|https?:\/\/[^"]+?\/)([a-f0-9]{64}-w960\.jpg)/.exec(html)?.[2];
};

// Photos on disk: `npm start`'s server on the demo newsroom.
const diskEnv = benchEnv(dir, DISK_PORT);
await prepareDatabase(diskEnv);
await startDateline(dir, diskEnv);

// Photos in a bucket: the same, on a database and bucket of its own, seeded through the bucket store.
const bucketEnv = benchEnv(bucketDir, BUCKET_PORT, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
const bucketLog = fs.openSync(path.join(bucketDir, "server.log"), "w");
const bucketServer = spawn(
  "npx",
  [
    "tsx",
    "scripts/with-test-bucket.ts",
    "--",
    "bash",
    "-c",
    "npx prisma migrate deploy >/dev/null && npx tsx prisma/seed.ts >/dev/null && exec node .next/dateline/server.mjs",
  ],
  { cwd: root, env: { ...bucketEnv, HOSTNAME: "127.0.0.1" }, stdio: ["ignore", bucketLog, bucketLog], detached: true },
);
children.push(bucketServer);
for (
  let i = 0;
  !(await fetch(`http://127.0.0.1:${BUCKET_PORT}/login`).then(
    (r) => r.ok,
    () => false,
  ));
  i++
) {
  if (i > 300)
    throw new Error(`the bucket server did not start: ${fs.readFileSync(path.join(bucketDir, "server.log"), "utf8").slice(-2000)}`);
  await new Promise((r) => setTimeout(r, 500));
}
const endpoint = /S3-compatible test bucket (\S+) at (\S+)/.exec(fs.readFileSync(path.join(bucketDir, "server.log"), "utf8"));
if (!endpoint) throw new Error("the test bucket's address is not in its log");
const bucketUrl = `${endpoint[2]}/${endpoint[1]}/variants`;

const diskKey = await heroOf(`http://127.0.0.1:${DISK_PORT}`);
const bucketKey = await heroOf(`http://127.0.0.1:${BUCKET_PORT}`);
if (!diskKey || !bucketKey) throw new Error("no hero photo on the article page");
const bytes = Buffer.from(await (await fetch(`http://127.0.0.1:${DISK_PORT}/media/${diskKey}`)).arrayBuffer());
// nginx serves the same variant as a static file (startNginx serves one file at every address).
await startNginx(dir, NGINX_PORT, bytes);

function wrk(url: string): WrkResult {
  execFileSync("wrk", ["-t2", "-c50", "-d3s", url], { stdio: "ignore" });
  return readWrk(execFileSync("wrk", ["-t2", "-c50", "-d10s", "--latency", url], { encoding: "utf8" }));
}
const results: [string, WrkResult][] = [
  [`nginx, the variant as a static file (${bytes.length} bytes)`, wrk(`http://127.0.0.1:${NGINX_PORT}/`)],
  ["Dateline /media, photos on disk", wrk(`http://127.0.0.1:${DISK_PORT}/media/${diskKey}`)],
  ["Dateline /media, photos in the bucket (s3rver)", wrk(`http://127.0.0.1:${BUCKET_PORT}/media/${bucketKey}`)],
  ["the bucket itself (s3rver), as DATELINE_MEDIA_PUBLIC_BASE_URL", wrk(`${bucketUrl}/${bucketKey}`)],
];

const nginxRps = results[0]![1].rps;
console.log(`\n${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| what | requests/s | × nginx | p50 ms | p99 ms |\n|---|---|---|---|---|");
for (const [label, r] of results)
  console.log(`| ${label} | ${r.rps.toFixed(0)} | ${(r.rps / nginxRps).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
process.exit(0);
