import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle } from "../articles/mutations/index";
import { backupDatabase, verifyDatabase } from "./backup";
import { checkHealth } from "./health";
import { verifyPostgresBackup } from "./backup-postgres";

describe("backups", () => {
  it.skipIf(isPostgres)(
    "takes an online backup while stories are being saved; it passes integrity_check and holds every story saved before it",
    async () => {
      const editor = await makeUser("EDITOR");
      const bits = await makeNewsroomBits();
      const before = await db.article.count();
      // Keep writing while the backup runs.
      let writing = true;
      const writer = (async () => {
        let n = 0;
        while (writing && n < 200) {
          await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
          n++;
        }
        return n;
      })();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-"));
      const result = await backupDatabase(dir);
      writing = false;
      await writer;
      expect(path.basename(result.file)).toMatch(/^dateline-\d{8}-\d{6}\.db$/);
      expect(result.articles).toBeGreaterThanOrEqual(before);
      const check = verifyDatabase(result.file);
      expect(check).toMatchObject({ ok: true, message: "ok" });
      // A second and a third backup within the same second get files of their own (the second failed: "output file already exists").
      const second = new Date();
      const again = [await backupDatabase(dir, undefined, second), await backupDatabase(dir, undefined, second)].map((r) =>
        path.basename(r.file),
      );
      expect(new Set(again).size).toBe(2);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );

  it.skipIf(isPostgres)(
    "follows the README under load: npm run db:backup while stories are saved, then npm run db:restore into a fresh file",
    async () => {
      const run = promisify(execFile);
      const editor = await makeUser("EDITOR");
      const bits = await makeNewsroomBits();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-readme-backup-"));
      const saved: string[] = [];
      let writing = true;
      const writer = (async () => {
        // A busy newsroom: a save every few milliseconds for as long as the backup runs.
        while (writing && saved.length < 2000) {
          saved.push((await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id))).id);
          await new Promise((r) => setTimeout(r, 3));
        }
      })();
      while (saved.length < 5) await new Promise((r) => setTimeout(r, 10));
      const savedBeforeBackup = [...saved];
      const backup = await run("npx", ["tsx", "scripts/db-backup.ts", "--dir", dir], { env: process.env });
      writing = false;
      await writer;
      const file = path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.endsWith(".db"))!,
      );
      expect(backup.stdout).toContain(path.basename(file));

      // Restore into a new database file, as a new install would.
      const target = path.join(dir, "restored", "dateline.db");
      const restore = await run("npx", ["tsx", "scripts/db-restore.ts", file, "--yes"], {
        env: { ...process.env, DATABASE_URL: `file:${target}` },
      });
      expect(restore.stdout).toMatch(/Restored \d+ stories/);
      const restored = new Database(target, { readonly: true });
      try {
        expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
        const ids = new Set(restored.prepare("SELECT id FROM Article").pluck().all() as string[]);
        expect(savedBeforeBackup.filter((id) => !ids.has(id))).toEqual([]);
        expect(ids.size).toBe(restored.prepare("SELECT count(*) FROM Article").pluck().get() as number);
      } finally {
        restored.close();
      }
      expect(saved.length).toBeGreaterThan(savedBeforeBackup.length);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );

  it.skipIf(isPostgres)(
    "db:restore keeps the database it replaces whole, with the writes only its log held, and refuses while it is open (a probe lost both)",
    async () => {
      const run = promisify(execFile);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-restore-"));
      const { file: backup, articles } = await backupDatabase(dir);
      // The database to replace: a server wrote to it and was killed, so its last writes are in its
      // write-ahead log only (no checkpoint ran).
      const target = path.join(dir, "live", "dateline.db");
      fs.mkdirSync(path.dirname(target));
      const killed = await run(
        process.execPath,
        [
          "-e",
          `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(target)});
           d.pragma("journal_mode = WAL"); d.pragma("wal_autocheckpoint = 0");
           d.exec("CREATE TABLE Article (id TEXT PRIMARY KEY)");
           for (const id of ["saved-1", "saved-2", "saved-3"]) d.prepare("INSERT INTO Article VALUES (?)").run(id);
           process.kill(process.pid, "SIGKILL");`,
        ],
        { cwd: process.cwd() },
      ).catch((e: { signal?: string }) => e);
      expect(killed).toMatchObject({ signal: "SIGKILL" });
      expect(fs.statSync(`${target}-wal`).size).toBeGreaterThan(0);
      const restore = (env = {}) =>
        run("npx", ["tsx", "scripts/db-restore.ts", backup, "--yes"], {
          env: { ...process.env, DATABASE_URL: `file:${target}`, ...env },
        }).catch((e: { code: number; stdout: string; stderr: string }) => e);

      // While anything has it open (a server still running), the restore is refused and nothing changes.
      const open = new Database(target);
      try {
        expect(open.prepare("SELECT count(*) FROM Article").pluck().get()).toBe(3);
        const refused = await restore();
        expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining("is in use") });
        expect(open.prepare("SELECT count(*) FROM Article").pluck().get()).toBe(3);
        expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes("before-restore"))).toEqual([]);
      } finally {
        open.close();
      }
      // Killed again, so that the log holds the last writes once more.
      await run(
        process.execPath,
        [
          "-e",
          `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(target)}); d.pragma("wal_autocheckpoint = 0");
           d.prepare("INSERT INTO Article VALUES (?)").run("saved-4"); process.kill(process.pid, "SIGKILL");`,
        ],
        { cwd: process.cwd() },
      ).catch(() => null);

      const done = (await restore()) as { stdout: string };
      expect(done.stdout).toContain(`Restored ${articles} stories`);
      const kept = path.join(
        path.dirname(target),
        fs.readdirSync(path.dirname(target)).find((f) => /\.before-restore-\d{8}-\d{6}$/.test(f))!,
      );
      expect(done.stdout).toContain(`The database it replaced is kept as ${kept}.`);
      const old = new Database(kept, { readonly: true });
      try {
        expect(old.prepare("SELECT id FROM Article ORDER BY id").pluck().all()).toEqual(["saved-1", "saved-2", "saved-3", "saved-4"]);
      } finally {
        old.close();
      }
      expect(verifyDatabase(target)).toMatchObject({ ok: true, articles });
      expect(fs.existsSync(`${target}-wal`)).toBe(false);
      // A second restore keeps the first one's copy.
      await restore();
      expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes("before-restore"))).toHaveLength(2);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    60_000,
  );

  it("reports the database healthy", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, database: "ok" });
  });
});

describe.runIf(isPostgres)("backups on PostgreSQL", () => {
  it("follows the README under load: npm run db:backup (pg_dump) while stories are saved, then npm run db:restore into a new database", async () => {
    const run = promisify(execFile);
    const editor = await makeUser("EDITOR");
    const bits = await makeNewsroomBits();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-pg-backup-"));
    const saved: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing && saved.length < 2000) {
        saved.push((await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id))).id);
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    while (saved.length < 5) await new Promise((r) => setTimeout(r, 10));
    const savedBeforeBackup = [...saved];
    const backup = await run("npx", ["tsx", "scripts/db-backup.ts", "--dir", dir], { env: process.env });
    writing = false;
    await writer;
    const file = path.join(
      dir,
      fs.readdirSync(dir).find((f) => f.endsWith(".dump"))!,
    );
    expect(backup.stdout).toContain(path.basename(file));
    expect(verifyPostgresBackup(file)).toMatchObject({ ok: true });

    // Restore into a new database on the same server, as a new install would.
    const url = new URL(process.env.DATABASE_URL!);
    await db.$executeRawUnsafe(`CREATE DATABASE "dateline_test_restored"`);
    url.pathname = "/dateline_test_restored";
    const restore = await run("npx", ["tsx", "scripts/db-restore.ts", file, "--yes"], {
      env: { ...process.env, DATABASE_URL: url.toString() },
    });
    expect(restore.stdout).toMatch(/Restored \d+ stories/);
    const restored = new pg.Client({ connectionString: url.toString() });
    await restored.connect();
    try {
      const ids = new Set((await restored.query<{ id: string }>(`SELECT id FROM "Article"`)).rows.map((r) => r.id));
      expect(savedBeforeBackup.filter((id) => !ids.has(id))).toEqual([]);
      // Search works in the restored copy (the generated column and its index came back).
      const searched = await restored.query(`SELECT count(*) AS n FROM "Article" WHERE "searchVector" @@ to_tsquery('simple', 'test')`);
      expect(Number(searched.rows[0].n)).toBeGreaterThan(0);
    } finally {
      await restored.end();
    }
    expect(saved.length).toBeGreaterThan(savedBeforeBackup.length);

    // A damaged file is refused, and the database is left as it was.
    const damaged = path.join(dir, "damaged.dump");
    fs.writeFileSync(damaged, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
    expect(verifyPostgresBackup(damaged).ok).toBe(false);
    const refused = await run("npx", ["tsx", "scripts/db-restore.ts", damaged, "--yes"], {
      env: { ...process.env, DATABASE_URL: url.toString() },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    // So is a restore under a server still connected (it would go on with what it had read and
    // cached); nothing is changed.
    const server = new pg.Client({ connectionString: url.toString() });
    await server.connect();
    try {
      const busy = await run("npx", ["tsx", "scripts/db-restore.ts", file, "--yes"], {
        env: { ...process.env, DATABASE_URL: url.toString() },
      }).catch((e: { code: number; stderr: string }) => e);
      expect(busy).toMatchObject({ code: 1, stderr: expect.stringContaining("Refusing: 1 other connection is open to this database") });
    } finally {
      await server.end();
    }
    await db.$executeRawUnsafe(`DROP DATABASE "dateline_test_restored" WITH (FORCE)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
