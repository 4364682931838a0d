import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle } from "../articles/mutations/index";
import { backupDatabase, verifyDatabase } from "./backup";
import { checkHealth } from "./health";

describe("backups", () => {
  it("takes an online backup while stories are being saved; it passes integrity_check and holds every story saved before it", async () => {
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
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("follows the README under load: npm run db:backup while stories are saved, then npm run db:restore into a fresh file", async () => {
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
  }, 60_000);

  it("reports the database healthy", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, database: "ok" });
  });
});
