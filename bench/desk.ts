// npm run bench: seeds 10,000 stories with realistic bodies into a temporary SQLite file
// (real migrations) and reports p50/p95 server-side times of the desk's hot paths.
// BENCH_DATABASE=postgres npm run bench: the same on a PostgreSQL cluster of its own (initdb in a
// temporary folder, PostgreSQL's default durability settings, the PostgreSQL migrations).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-"));
const cluster =
  process.env.BENCH_DATABASE === "postgres" ? await (await import("../lib/test/pg-cluster")).startPgCluster({ durable: true }) : null;
cluster?.createDatabase("bench");
process.env.DATABASE_URL = cluster ? cluster.url("bench") : `file:${path.join(dir, "bench.db")}`;
process.env.DATELINE_MEDIA_DIR = path.join(dir, "media");
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: process.env });

const { db } = await import("../lib/db");
const { seedDemoNewsroom } = await import("../lib/seed/seed");
const { bodyFromParagraphs, bodyToText } = await import("../lib/articles/body");
const { updateArticle, transitionArticle } = await import("../lib/articles/mutations/index");
const { listDeskArticles } = await import("../lib/articles/desk");
const { getEditorData } = await import("../lib/articles/editor");
const { listSections } = await import("../lib/sections/queries");
const { listAuthors } = await import("../lib/authors/queries");
const { listTags } = await import("../lib/tags/queries");
const { listLibraryImages } = await import("../lib/media/queries");
const { WIRE_STORY } = await import("../lib/seed/wire-story");

const N = 10_000;
const RUNS = 200;

await seedDemoNewsroom();
const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
const sections = await db.section.findMany({ select: { id: true } });
const authors = await db.author.findMany({ select: { id: true } });
const statuses = ["DRAFT", "IN_REVIEW", "PUBLISHED", "PUBLISHED", "PUBLISHED", "UNPUBLISHED"] as const;
const body = bodyFromParagraphs(WIRE_STORY.paragraphs);
const bodyText = bodyToText(body);

const seedStart = performance.now();
for (let start = 0; start < N; start += 500) {
  const rows = Array.from({ length: Math.min(500, N - start) }, (_, k) => {
    const i = start + k;
    const status = statuses[i % statuses.length]!;
    const when = new Date(Date.now() - i * 600_000);
    return {
      id: `bench${String(i).padStart(8, "0")}`,
      slug: `bench-story-${i}`,
      headline: `Bench story ${i}: council votes on harbour plan ${i % 97}`,
      dek: "A realistic dek for a benchmark story.",
      dateline: "HARROW POINT",
      body,
      bodyText,
      status,
      sectionId: sections[i % sections.length]!.id,
      createdById: admin.id,
      updatedById: admin.id,
      firstPublishedAt: status === "DRAFT" || status === "IN_REVIEW" ? null : when,
      publishedAt: status === "PUBLISHED" ? when : null,
      contentUpdatedAt: status === "DRAFT" || status === "IN_REVIEW" ? null : when,
    };
  });
  await db.article.createMany({ data: rows });
  await db.articleAuthor.createMany({
    data: rows.map((r, k) => ({ articleId: r.id, authorId: authors[(start + k) % authors.length]!.id, position: 0 })),
  });
}
const seedSeconds = (performance.now() - seedStart) / 1000;

async function measure(label: string, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  return { label, p50: pct(50), p95: pct(95) };
}

const viewer = { ...admin };
const drafts = await db.article.findMany({ where: { status: "DRAFT", id: { startsWith: "bench" } }, select: { id: true }, take: RUNS * 2 });
const results = [];
results.push(
  await measure("save a story (update with version, revision, audit)", async (i) => {
    const a = drafts[i]!;
    const current = await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, slug: true, sectionId: true } });
    await updateArticle(viewer, {
      id: a.id,
      version: current.version,
      headline: `Edited headline ${i}`,
      slug: current.slug,
      sectionId: current.sectionId,
      authorIds: [authors[0]!.id],
      body,
      sources: [{ url: "https://example.org/a", title: "A source" }],
    });
  }),
);
results.push(
  await measure("publish a story", async (i) => {
    const a = drafts[RUNS + i] ?? drafts[i]!;
    const current = await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { version: true, status: true } });
    if (current.status === "PUBLISHED") return;
    await transitionArticle(viewer, { id: a.id, version: current.version, to: "PUBLISHED" });
  }),
);
results.push(
  await measure("story list page data (status + section filter, headline search)", async (i) => {
    await Promise.all([
      listDeskArticles(viewer, {
        status: "PUBLISHED",
        section: sections[i % sections.length]!.id,
        q: i % 2 ? "harbour" : undefined,
        page: 1 + (i % 5),
      }),
      listSections(),
      listAuthors(),
    ]);
  }),
);
results.push(
  await measure("editor page data (story, sections, bylines, tags, photos)", async (i) => {
    await Promise.all([getEditorData(viewer, drafts[i]!.id), listSections(), listAuthors(), listTags(), listLibraryImages()]);
  }),
);

console.log(
  `\n${cluster ? "PostgreSQL" : "SQLite"}: seeded ${N} stories in ${seedSeconds.toFixed(1)} s. ${RUNS} runs each, times in ms:\n`,
);
console.log("| operation | p50 | p95 |\n|---|---|---|");
for (const r of results) console.log(`| ${r.label} | ${r.p50} | ${r.p95} |`);
await db.$disconnect();
cluster?.stop();
fs.rmSync(dir, { recursive: true, force: true });
