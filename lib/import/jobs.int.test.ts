import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeUser } from "../test/factories";
import { makePhoto } from "../test/images";
import { siteExport } from "../test/wxr-site";
import { enqueue } from "../jobs/queue";
import { ABANDONED_UPLOAD_MS, forgetAbandonedImports, IMPORT_JOB, importDir, importJobHandler, listImportRuns } from "./jobs";
import { cancelImport } from "./cancel";

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
    const job = { id: "no-such-job", key: run.id, payload: { runId: run.id }, holder: "this-test" };
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

  it("whose lease another runner took mid-import leaves the run's end and its folder to that runner (it deleted the folder under it and marked the run done)", async () => {
    const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    const dir = path.join(importDir(), run.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "export.xml"), siteExport(`lease-${run.id}`, 30_000, 3));
    await enqueue(IMPORT_JOB, run.id, { payload: { runId: run.id } });
    const job = await db.job.findUniqueOrThrow({ where: { kind_key: { kind: IMPORT_JOB, key: run.id } } });
    // This runner's lease ran out while it imported, and another runner claimed the job.
    await db.job.update({ where: { id: job.id }, data: { lockedBy: "another-runner", lockedUntil: new Date(Date.now() + 60_000) } });
    await importJobHandler({ id: job.id, key: run.id, payload: { runId: run.id }, attempts: 1, holder: "this-test" });
    const leftAlone = async () => {
      expect((await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");
      expect(fs.existsSync(path.join(dir, "export.xml"))).toBe(true);
    };
    await leftAlone();
    // Nor once the other runner has ended the job (done, its lease released): the run was its.
    await db.job.update({ where: { id: job.id }, data: { lockedBy: null, lockedUntil: null, doneAt: new Date() } });
    await importJobHandler({ id: job.id, key: run.id, payload: { runId: run.id }, attempts: 1, holder: "this-test" });
    await leftAlone();
    await db.job.update({
      where: { id: job.id },
      data: { lockedBy: "another-runner", lockedUntil: new Date(Date.now() + 60_000), doneAt: null },
    });
    // The runner holding it ends it (the import finds its stories already here), and deletes the folder.
    await importJobHandler({ id: job.id, key: run.id, payload: { runId: run.id }, attempts: 2, holder: "another-runner" });
    expect((await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("done");
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("skips a zip entry whose name leads out of the uploads folder ('../x.jpg', '/x.jpg') and imports the rest (the whole import failed, naming nothing)", async () => {
    const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    const dir = path.join(importDir(), run.id);
    fs.mkdirSync(dir, { recursive: true });
    const label = `zip-${run.id}`;
    fs.writeFileSync(path.join(dir, "export.xml"), siteExport(label, 30_100, 2));
    // zip(1) will not write a name that climbs out, so same-length names are written and then
    // renamed in the archive's bytes (the local header and the central directory both hold them).
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "wp-zip-"));
    fs.mkdirSync(path.join(work, "wp-content/uploads", label), { recursive: true });
    fs.writeFileSync(path.join(work, "wp-content/uploads", label, "harbour.jpg"), await makePhoto("jpeg", 1200, 800, 7));
    fs.writeFileSync(path.join(work, "wp-content/uploads", label, "quay.jpg"), await makePhoto("jpeg", 900, 600, 10));
    fs.mkdirSync(path.join(work, "AA"));
    fs.writeFileSync(path.join(work, "AA/evil.jpg"), await makePhoto("jpeg", 300, 200, 8));
    fs.mkdirSync(path.join(work, "BBtmp"));
    fs.writeFileSync(path.join(work, "BBtmp/abs.jpg"), await makePhoto("jpeg", 300, 200, 9));
    execFileSync("zip", ["-qr", "uploads.zip", "wp-content", "AA/evil.jpg", "BBtmp/abs.jpg"], { cwd: work });
    const zip = fs
      .readFileSync(path.join(work, "uploads.zip"), "latin1")
      .replaceAll("AA/evil.jpg", "../evil.jpg")
      .replaceAll("BBtmp/abs.jpg", "/BBtm/abs.jpg");
    fs.writeFileSync(path.join(dir, "uploads.zip"), Buffer.from(zip, "latin1"));

    await importJobHandler({ id: "no-such-job", key: run.id, payload: { runId: run.id }, attempts: 1, holder: "this-test" });
    const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ status: "done", error: null });
    expect(JSON.parse(done.report!)).toMatchObject({ counts: { photos: { created: 2 } } });
  });

  it("stops unpacking the uploads the moment it is cancelled, and imports nothing (it unpacked every photo first)", async () => {
    const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    const dir = path.join(importDir(), run.id);
    fs.mkdirSync(dir, { recursive: true });
    const site = `unzip-cancel-${run.id}.example`;
    const wxr = fs.readFileSync(path.join(import.meta.dirname, "wordpress/fixtures/harrow-point.wxr.xml"), "utf8");
    fs.writeFileSync(path.join(dir, "export.xml"), wxr.replaceAll("harrow.example", site));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "wp-zip-"));
    const PHOTOS = 300;
    fs.mkdirSync(path.join(work, "wp-content/uploads/2026/11"), { recursive: true });
    for (let n = 0; n < PHOTOS; n++) fs.writeFileSync(path.join(work, `wp-content/uploads/2026/11/p${n}.jpg`), crypto.randomBytes(20_000));
    execFileSync("zip", ["-qr", path.join(dir, "uploads.zip"), "wp-content"], { cwd: work });
    fs.rmSync(work, { recursive: true, force: true });

    const unpacked = path.join(dir, "uploads/2026/11");
    const count = () => (fs.existsSync(unpacked) ? fs.readdirSync(unpacked).length : 0);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    let ended = false;
    const job = importJobHandler({ id: "no-such-job", key: run.id, payload: { runId: run.id }, attempts: 1, holder: "this-test" }).finally(
      () => {
        ended = true;
      },
    );
    while (count() === 0 && !ended) await tick();
    await cancelImport(admin, { id: run.id });
    const atCancel = count();
    let most = atCancel;
    while (!ended) {
      most = Math.max(most, count());
      await tick();
    }
    await job;
    expect(atCancel).toBeLessThan(PHOTOS / 2);
    // The photo it was writing when the cancel came, at most.
    expect(most).toBeLessThanOrEqual(atCancel + 1);
    const done = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.status).toBe("cancelled");
    expect(JSON.parse(done.report!)).toMatchObject({ cancelled: { by: admin.name, after: 0 } });
    expect(await db.importMapping.count({ where: { source: { contains: site } } })).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("refuses an uploads zip that unpacks to far more than its size (a zip bomb of zeros named .jpg filled the disk)", async () => {
    const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    const dir = path.join(importDir(), run.id);
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(import.meta.dirname, "wordpress/fixtures/harrow-point.wxr.xml"), path.join(dir, "export.xml"));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "wp-zip-"));
    fs.mkdirSync(path.join(work, "wp-content/uploads/2026/11"), { recursive: true });
    const zeros = Buffer.alloc(5_000_000);
    for (let n = 0; n < 12; n++) fs.writeFileSync(path.join(work, `wp-content/uploads/2026/11/x${n}.jpg`), zeros);
    execFileSync("zip", ["-qr", path.join(dir, "uploads.zip"), "wp-content"], { cwd: work });
    expect(fs.statSync(path.join(dir, "uploads.zip")).size).toBeLessThan(1_000_000);

    await importJobHandler({ id: "no-such-job", key: run.id, payload: { runId: run.id }, attempts: 1, holder: "this-test" });
    expect(await db.importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/^The zip of the uploads folder unpacks to more than 10 times its size/),
    });
    expect(fs.existsSync(dir)).toBe(false);
    fs.rmSync(work, { recursive: true, force: true });
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

describe("the admin's list of imports", () => {
  it("reads the report of the run shown and of cancelled runs only; of the others, whether they have one", async () => {
    // Newer than any other test's runs: the list's first four.
    const at = (n: number) => new Date(Date.UTC(2190, 0, n));
    const report = (source: string, cancelled?: object) =>
      JSON.stringify({ source, warnings: ["x".repeat(1000)], ...(cancelled ? { cancelled } : {}) });
    const [done, shown, cancelled, none] = await Promise.all([
      db.importRun.create({ data: { fileName: "done.xml", status: "done", report: report("done.xml"), createdAt: at(4) } }),
      db.importRun.create({ data: { fileName: "shown.xml", status: "done", report: report("shown.xml"), createdAt: at(3) } }),
      db.importRun.create({
        data: {
          fileName: "cancelled.xml",
          status: "cancelled",
          report: report("cancelled.xml", { by: "Ada", after: 2, of: 9 }),
          createdAt: at(2),
        },
      }),
      db.importRun.create({ data: { fileName: "queued.xml", status: "queued", createdAt: at(1) } }),
    ]);
    try {
      const runs = await listImportRuns(4, shown.id);
      expect(runs.map((run) => [run.fileName, run.hasReport, run.report?.source ?? null])).toEqual([
        ["done.xml", true, null],
        ["shown.xml", true, "shown.xml"],
        ["cancelled.xml", true, "cancelled.xml"],
        ["queued.xml", false, null],
      ]);
      expect(runs[2]!.report!.cancelled).toEqual({ by: "Ada", after: 2, of: 9 });
      expect((await listImportRuns(4)).filter((run) => run.report).map((run) => run.fileName)).toEqual(["cancelled.xml"]);
    } finally {
      await db.importRun.deleteMany({ where: { id: { in: [done.id, shown.id, cancelled.id, none.id] } } });
    }
  });
});
