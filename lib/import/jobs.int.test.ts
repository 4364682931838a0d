import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeUser } from "../test/factories";
import { ABANDONED_UPLOAD_MS, forgetAbandonedImports, importDir, importJobHandler } from "./jobs";

let admin: Viewer;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

describe("an import run", () => {
  it("that fails unexpectedly on its last try is marked failed and its files are deleted (it stayed 'running', its files kept)", async () => {
    const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    const dir = path.join(importDir(), run.id);
    // An export the reader cannot open (a folder where the file should be): an error no rule expects.
    fs.mkdirSync(path.join(dir, "export.xml"), { recursive: true });
    const job = { id: "no-such-job", key: run.id, payload: { runId: run.id } };
    await expect(importJobHandler({ ...job, attempts: 1 })).rejects.toThrow();
    expect((await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");
    expect(fs.existsSync(dir)).toBe(true);
    await expect(importJobHandler({ ...job, attempts: 3 })).resolves.toBeUndefined();
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "failed",
      error: "The import stopped on an unexpected error. What it imported is kept; upload the file again to finish it.",
    });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("uploaded but never started is forgotten after a day: marked failed, its files deleted", async () => {
    const run = await db.importRun.create({
      data: { fileName: "export.xml", actorId: admin.id, status: "uploading" },
      select: { id: true },
    });
    const dir = path.join(importDir(), run.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "export.xml"), "<rss/>");
    await forgetAbandonedImports();
    expect(fs.existsSync(dir)).toBe(true);
    await forgetAbandonedImports(new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000));
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "failed" });
    expect(fs.existsSync(dir)).toBe(false);
  });
});
