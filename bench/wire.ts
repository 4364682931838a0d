// npm run bench:wire -- [--items 2000]: wire items ingested per second, into a fresh SQLite file
// (real migrations). Each item is the fixtures' demo-like ninjs story (five paragraphs, one photo
// reference) with its own GUID. Measures: new items parsed and stored (lib/wire/ingest.ts, the
// work the push endpoint, the folder and the feeds share); the same items again (older or same
// version: ignored); a newer version of each (replaced, with what changed); and the watched folder
// (files on disk, photo file beside each, moved to processed/) end to end.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { items: { type: "string", default: "2000" } }, strict: false });
const count = Number(values.items);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-wire-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.DATELINE_MEDIA_DIR = path.join(dir, "media");
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: process.env });

const { db } = await import("../lib/db");
const { parseWireDocument } = await import("../lib/wire/parse");
const { ingestWireItem } = await import("../lib/wire/ingest");
const { scanWireFolder } = await import("../lib/wire/folder");

const fixtures = path.resolve("lib/wire/fixtures");
const v1 = fs.readFileSync(path.join(fixtures, "market-reopens.ninjs.json"), "utf8");
const v2 = fs.readFileSync(path.join(fixtures, "market-reopens.v2.ninjs.json"), "utf8");
const doc = (text: string, i: number, prefix = "bench") => text.replace('/market-reopens"', `/market-reopens-${prefix}-${i}"`);

async function timed(label: string, n: number, run: (i: number) => Promise<unknown>) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await run(i);
  const seconds = (performance.now() - started) / 1000;
  return { [label]: { items: n, seconds: +seconds.toFixed(2), itemsPerSecond: +(n / seconds).toFixed(0) } };
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const results = {
  ...(await timed("new", count, (i) => ingestWireItem(parseWireDocument(doc(v1, i))[0]!, "push"))),
  ...(await timed("sameVersionIgnored", count, (i) => ingestWireItem(parseWireDocument(doc(v1, i))[0]!, "push"))),
  ...(await timed("newerVersionReplaced", count, (i) => ingestWireItem(parseWireDocument(doc(v2, i))[0]!, "push"))),
};

// The watched folder: files written first, then one scan reads, stores and moves them all.
const folder = path.join(dir, "wire");
fs.mkdirSync(folder);
const old = new Date(Date.now() - 10_000);
for (let i = 0; i < count; i++) {
  const file = path.join(folder, `item-${i}.json`);
  fs.writeFileSync(file, doc(v1, i, "folder").replace('"market-reopens.jpg"', `"photo-${i}.jpg"`));
  fs.copyFileSync(path.join(fixtures, "market-reopens.jpg"), path.join(folder, `photo-${i}.jpg`));
  fs.utimesSync(file, old, old);
}
const started = performance.now();
const scan = await scanWireFolder(folder);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const rows = await db.wireItem.count();
console.log(
  JSON.stringify(
    {
      ...results,
      folder: {
        files: scan.files,
        items: scan.items.length,
        failed: scan.failed.length,
        seconds: +seconds.toFixed(2),
        itemsPerSecond: +(scan.items.length / seconds).toFixed(0),
      },
      wireItemRows: rows,
      peakRssMB: Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / 1e6),
    },
    null,
    2,
  ),
);
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
