import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPgBin, startPgCluster, type PgCluster } from "../test/pg-cluster";

// npm run db:move-to-postgres on the demo newsroom plus 2,000 stories (issue 16): a SQLite file of
// its own (real migrations, the real demo seed with its photos), a PostgreSQL cluster of its own.
// Runs the same whichever database the rest of the suite uses.

const run = promisify(execFile);
let dir = "";
let cluster: PgCluster | null = null;
let sqliteUrl = "";
let media = "";
const EXTRA_STORIES = 2_000;

/** Adds `count` published stories (each with a byline, a tag, a revision and an audit event) by copying a demo story's rows. */
function addStories(file: string, count: number) {
  const db = new Database(file);
  const template = db.prepare(`SELECT * FROM "Article" WHERE "status" = 'PUBLISHED' LIMIT 1`).get() as Record<string, unknown>;
  const byline = db.prepare(`SELECT "authorId" FROM "ArticleAuthor" WHERE "articleId" = ?`).get(template.id) as { authorId: string };
  const tag = db.prepare(`SELECT "id" FROM "Tag" LIMIT 1`).get() as { id: string };
  const columns = Object.keys(template);
  const insert = db.prepare(
    `INSERT INTO "Article" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  const insertByline = db.prepare(`INSERT INTO "ArticleAuthor" ("articleId", "authorId", "position") VALUES (?, ?, 0)`);
  const insertTag = db.prepare(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES (?, ?)`);
  const insertRevision = db.prepare(
    `INSERT INTO "Revision" ("id", "articleId", "version", "snapshot", "note", "createdAt") VALUES (?, ?, 1, ?, 'Copied', ?)`,
  );
  const insertAudit = db.prepare(
    `INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId", "data", "createdAt") VALUES (?, 'article.published', 'Article', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `cmove${crypto.randomBytes(10).toString("hex")}`;
      const row = { ...template, id, slug: `moved-story-${i}`, headline: `Moved story number ${i} — “quoted” ünïcödé` };
      insert.run(...columns.map((c) => row[c as keyof typeof row]));
      insertByline.run(id, byline.authorId);
      insertTag.run(id, tag.id);
      insertRevision.run(
        `rmove${i}${crypto.randomBytes(6).toString("hex")}`,
        id,
        JSON.stringify({ headline: row.headline, n: i }),
        Date.now(),
      );
      insertAudit.run(`amove${i}${crypto.randomBytes(6).toString("hex")}`, id, JSON.stringify({ z: 1, a: [i, null, true] }), Date.now());
    }
  })();
  db.close();
}

describe.skipIf(!findPgBin())("moving a SQLite newsroom into PostgreSQL", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-move-test-"));
    const file = path.join(dir, "newsroom.db");
    sqliteUrl = `file:${file}`;
    media = path.join(dir, "media");
    const env = {
      ...process.env,
      DATABASE_URL: sqliteUrl,
      DATELINE_MEDIA_DIR: media,
      DATELINE_ADMIN_PASSWORD: "a-long-move-test-password",
    };
    await run("npx", ["prisma", "migrate", "deploy"], { env });
    await run("npx", ["tsx", "prisma/seed.ts"], { env });
    // One demo photo cropped on the desk: readers get variants named by its crop.
    const crop = path.join(dir, "crop.ts");
    fs.writeFileSync(
      crop,
      `import { db } from ${JSON.stringify(path.resolve("lib/db"))};
import { cropImage } from ${JSON.stringify(path.resolve("lib/media/crop"))};
void (async () => {
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const photo = await db.image.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  await cropImage(admin, { id: photo.id, cropX: 0.1, cropY: 0.1, cropW: 0.5, cropH: 0.5 });
  await db.$disconnect();
})();
`,
    );
    await run("npx", ["tsx", crop], { env });
    addStories(file, EXTRA_STORIES);
    cluster = await startPgCluster();
    cluster.createDatabase("moved");
  }, 240_000);

  afterAll(() => {
    cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const move = (extra: string[] = []) =>
    spawn(
      process.execPath,
      ["--import", "tsx", "scripts/db-move-to-postgres.ts", "--from", sqliteUrl, "--to", cluster!.url("moved"), ...extra],
      {
        env: { ...process.env, DATABASE_URL: sqliteUrl, DATELINE_MEDIA_DIR: path.join(dir, "bucket"), DATELINE_LOG_LEVEL: "error" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  const finished = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      let out = "";
      child.stdout!.on("data", (d) => (out += d));
      child.stderr!.on("data", (d) => (out += d));
      child.on("exit", (code) => resolve({ code, out }));
    });

  it("copies every table and photo file, resumes after being killed, and proves the copy by counts and checksums", async () => {
    // Killed once it has copied the stories (the Article line is printed after the table's copy is verified).
    const first = move(["--media-from", media]);
    let printed = "";
    await new Promise<void>((resolve) => {
      first.stdout!.on("data", (d: Buffer) => {
        printed += d.toString();
        if (/ Article /.test(printed)) {
          first.kill("SIGKILL");
          resolve();
        }
      });
      first.on("exit", () => resolve());
    });
    const target = new pg.Client({ connectionString: cluster!.url("moved") });
    await target.connect();
    try {
      const partial = Number((await target.query(`SELECT count(*) AS n FROM "Article"`)).rows[0].n);
      expect(partial).toBeGreaterThan(EXTRA_STORIES);
      expect(Number((await target.query(`SELECT count(*) AS n FROM "Revision"`)).rows[0].n)).toBe(0); // not reached yet

      const second = await finished(move(["--media-from", media]));
      expect(second.out).toMatch(/counts and checksums match/);
      expect(second.code).toBe(0);
      expect(second.out).not.toMatch(/DIFF/);
      // The Article rows copied before the kill were not copied again.
      expect(second.out).toMatch(/ok +Article +\d+ rows, +0 copied now/);

      const source = new Database(sqliteUrl.slice(5), { readonly: true });
      for (const table of ["Article", "Revision", "AuditEvent", "Image", "ArticleImage", "Redirect", "User", "Author", "Section", "Tag"]) {
        const expected = Number((source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
        expect(Number((await target.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n), table).toBe(expected);
      }
      const photos = Number((source.prepare(`SELECT count(*) AS n FROM "Image"`).get() as { n: number }).n);
      source.close();
      expect(photos).toBeGreaterThan(0);
      // Every photo file is in the target store, byte for byte (a cropped photo's variants among them).
      expect(fs.readdirSync(media).some((f) => /^[a-f0-9]{64}-c\d+x\d+x\d+x\d+-w\d+\.jpg$/.test(f))).toBe(true);
      for (const file of fs.readdirSync(media).filter((f) => !f.startsWith("."))) {
        expect(fs.readFileSync(path.join(dir, "bucket", file)).equals(fs.readFileSync(path.join(media, file))), file).toBe(true);
      }
      // Search works on the moved stories (the generated column filled itself).
      const found = await target.query(`SELECT count(*) AS n FROM "Article" WHERE "searchVector" @@ to_tsquery('simple', 'unicode')`);
      expect(Number(found.rows[0].n)).toBe(EXTRA_STORIES);

      // A third run has nothing left to do and still verifies.
      const third = await finished(move(["--media-from", media]));
      expect(third.code).toBe(0);
      expect(third.out).not.toMatch(/[1-9]\d* copied now/);
    } finally {
      await target.end();
    }
  }, 600_000);
});
