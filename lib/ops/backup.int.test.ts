import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle } from "../articles/mutations";
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

  it("reports the database healthy", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, database: "ok" });
  });
});
