// npm run bench:import -- [--posts 10000] [--photos 2000]: generates a WordPress export of that
// size with its uploads folder (bench/generate-wxr.ts), imports it into a fresh SQLite file (real
// migrations) and reports total time, peak memory and stories per second; then imports it again
// (nothing changed: everything is skipped) to time a re-run.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { posts: { type: "string", default: "10000" }, photos: { type: "string", default: "2000" } },
  strict: false,
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-import-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.DATELINE_MEDIA_DIR = path.join(dir, "media");
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: process.env });
const out = path.join(os.tmpdir(), `dateline-wxr-${values.posts}-${values.photos}`);
execFileSync("npx", ["tsx", "bench/generate-wxr.ts", "--posts", String(values.posts), "--photos", String(values.photos), "--out", out], {
  stdio: "inherit",
});

const { db } = await import("../lib/db");
const { importWordPress } = await import("../lib/import/wordpress/run");
const { createUserWithPassword } = await import("../lib/users/mutations");
const user = await createUserWithPassword(null, {
  email: "bench@bench.example",
  name: "Bench Admin",
  role: "ADMIN",
  password: "bench-password-1234",
});
const actor = { id: user.id, email: user.email, name: user.name, role: user.role };

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
let storiesStarted = 0;
const report = await importWordPress({
  file: path.join(out, "export.xml"),
  uploadsDir: path.join(out, "uploads"),
  actor,
  onProgress: (p) => {
    if (p.phase === "stories" && !storiesStarted) storiesStarted = performance.now();
  },
});
const storySeconds = (performance.now() - storiesStarted) / 1000;
const seconds = (performance.now() - started) / 1000;
const rerunStart = performance.now();
const again = await importWordPress({ file: path.join(out, "export.xml"), uploadsDir: path.join(out, "uploads"), actor });
const rerun = (performance.now() - rerunStart) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
const stories = report.counts.stories.created;
const size = fs.statSync(path.join(out, "export.xml")).size;
console.log(
  JSON.stringify(
    {
      exportMB: +(size / 1e6).toFixed(1),
      stories,
      photos: report.counts.photos.created,
      redirects: report.counts.redirects,
      totalSeconds: +seconds.toFixed(1),
      storiesPerSecond: +(stories / seconds).toFixed(1),
      photoPhaseSeconds: +((storiesStarted - started) / 1000).toFixed(1),
      storyPhaseSeconds: +storySeconds.toFixed(1),
      storiesPerSecondInStoryPhase: +(stories / storySeconds).toFixed(1),
      peakRssMB: Math.round(peak / 1e6),
      rerunSeconds: +rerun.toFixed(1),
      rerunUnchanged: again.counts.stories.unchanged,
      rerunCreated: again.counts.stories.created,
    },
    null,
    2,
  ),
);
// The cache expiry for the server processes is recorded in the background: let it land.
await new Promise((resolve) => setTimeout(resolve, 500));
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
