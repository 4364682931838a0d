// npx tsx bench/photo-credentials.ts [--sign]: the extra cost of Content Credentials at upload, in
// process (no HTTP, no database), for the 1200×800 samples of lib/provenance/fixtures: the ingest's
// own work (processImage: checks, metadata, 9 variants; with --sign, each variant also signed with a
// newsroom certificate made for the run, as DATELINE_C2PA_CERT/KEY would), and reading and
// validating the original's manifest (readCredentials), each timed RUNS times after a warm-up.
import fs from "node:fs";
import path from "node:path";
import { makeTestPki } from "../lib/test/c2pa-pki";

const RUNS = Number(process.env.RUNS ?? 20);
const sign = process.argv.includes("--sign");
const pki = makeTestPki({ name: "Bench Newsroom", org: "Bench" });
if (sign) {
  // Before lib/env loads (it reads the environment once).
  process.env.DATELINE_C2PA_CERT = pki.certFile;
  process.env.DATELINE_C2PA_KEY = pki.keyFile;
}
const { processImage } = await import("../lib/media/process");
const { readCredentials } = await import("../lib/provenance/c2pa");
const fixtures = path.join(import.meta.dirname, "..", "lib", "provenance", "fixtures");

async function time(fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  return `${p(0.5)} / ${p(0.95)}`;
}

console.log(`${sign ? "variants signed" : "variants unsigned"}, ${RUNS} runs; p50 / p95 ms\n`);
console.log("| photo | processImage | readCredentials | variants' bytes |\n|---|---|---|---|");
for (const name of ["plain.jpg", "signed.jpg", "signed-gps.jpg", "signed.png"]) {
  const data = fs.readFileSync(path.join(fixtures, name));
  const mime = name.endsWith(".png") ? "image/png" : "image/jpeg";
  const processing = await time(() => processImage(data));
  const reading = await time(() => readCredentials(data, mime));
  const bytes = (await processImage(data)).variants.reduce((n, v) => n + v.data.length, 0);
  console.log(`| ${name} | ${processing} | ${reading} | ${bytes.toLocaleString("en")} |`);
}
fs.rmSync(pki.dir, { recursive: true, force: true });
