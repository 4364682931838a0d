import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import yauzl from "yauzl";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { AppError } from "../errors";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { enqueue } from "../jobs/queue";
import type { JobHandler } from "../jobs/runner";
import { importWordPress, noteCancelTooLate, type ImportReport } from "./wordpress/run";
import { WxrError } from "./wordpress/wxr";
import { CANCELLABLE_STATUSES, ENDED_STATUSES } from "./schema";
import { insideFolder } from "../security/folder-files";

/**
 * Imports started from /admin/import: the WXR file (and a zip of the uploads folder) is streamed
 * to disk under DATELINE_IMPORT_DIR as it arrives, whatever its size, then the import runs as a
 * job of the shared job runner (lib/jobs/), in whichever server process claims it. Its progress
 * and its report are kept in its ImportRun row. A process that dies mid-import loses its lease;
 * another takes the job over and, the import being idempotent, carries on where it stopped.
 */

export const IMPORT_JOB = "import-wordpress";
/** Tries of an import that fails unexpectedly (a crash, a locked database) before it is marked failed. */
const IMPORT_ATTEMPTS = 3;

// The import folder is the operator's (DATELINE_IMPORT_DIR), known only at run time: `turbopackIgnore`
// keeps the build's file tracing from taking the exports already in it into a standalone server.
export const importDir = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATELINE_IMPORT_DIR);
const runDir = (runId: string) => path.join(importDir(), runId.replace(/[^a-z0-9]/gi, ""));

/** Writes a request body to `file` as it arrives, refusing it once it passes `maxBytes`. */
async function streamToFile(body: ReadableStream<Uint8Array> | null, file: string, maxBytes: number, what: string): Promise<number> {
  if (!body) throw new AppError("invalid", `Choose ${what} to upload.`);
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > maxBytes)
        done(new AppError("invalid", `${what[0]!.toUpperCase()}${what.slice(1)} is larger than ${Math.round(maxBytes / 1_000_000)} MB.`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), counter, fs.createWriteStream(file));
  } catch (error) {
    await fsp.rm(file, { force: true });
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOSPC")
      throw new AppError(
        "storage_full",
        "The server is out of disk space; the file was not kept. Try again later, and tell your administrator.",
      );
    throw new AppError("invalid", `The upload of ${what} was interrupted; try again.`);
  }
  if (total === 0) {
    await fsp.rm(file, { force: true });
    throw new AppError("invalid", `The ${what} is empty.`);
  }
  return total;
}

const maxBytes = () => env.DATELINE_MAX_IMPORT_MB * 1_000_000;

/** Receives a WXR export (the request body as it arrives) and records the run, not yet started. */
export async function receiveExport(viewer: Viewer, body: ReadableStream<Uint8Array> | null, name: string): Promise<{ id: string }> {
  assertPermission(viewer, "import.run", "Only admins can import another site's archive.");
  const fileName = (path.basename(name || "export.xml").replace(/[^\w.-]+/g, "_") || "export.xml").slice(0, 120);
  const run = await db.importRun.create({ data: { fileName, actorId: viewer.id, status: "uploading" }, select: { id: true } });
  const dir = runDir(run.id);
  await fsp.mkdir(dir, { recursive: true });
  try {
    await streamToFile(body, path.join(/*turbopackIgnore: true*/ dir, "export.xml"), maxBytes(), "the WordPress export");
    await peekIsExport(path.join(/*turbopackIgnore: true*/ dir, "export.xml"));
  } catch (error) {
    await fsp.rm(dir, { recursive: true, force: true });
    await db.importRun.delete({ where: { id: run.id } });
    throw error;
  }
  return run;
}

/** The first bytes of the file say whether it is a WordPress export at all: refused at once if not. */
async function peekIsExport(file: string) {
  const handle = await fsp.open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8");
    if (!/<rss[\s>]/.test(head) || !/wordpress\.org\/export\//.test(head))
      throw new AppError("invalid", "This file is not a WordPress export (WXR). In WordPress, use Tools → Export → All content.", {
        file: ["This file is not a WordPress export (WXR)."],
      });
  } finally {
    await handle.close();
  }
}

/** Receives the optional zip of wp-content/uploads for a run that has not started. */
export async function receiveUploadsZip(viewer: Viewer, runId: string, body: ReadableStream<Uint8Array> | null): Promise<void> {
  assertPermission(viewer, "import.run", "Only admins can import another site's archive.");
  const run = await db.importRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "uploading") throw new AppError("not_found", "That import does not exist or has started already.");
  await streamToFile(body, path.join(/*turbopackIgnore: true*/ runDir(runId), "uploads.zip"), maxBytes(), "the zip of the uploads folder");
}

/** Starts a run whose files are in: enqueued on the job runner. */
export async function startImport(viewer: Viewer, runId: string): Promise<void> {
  assertPermission(viewer, "import.run", "Only admins can import another site's archive.");
  const { count } = await db.importRun.updateMany({ where: { id: runId, status: "uploading" }, data: { status: "queued" } });
  if (count === 0) throw new AppError("not_found", "That import does not exist or has started already.");
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId: viewer.id, action: "import.queue", entityType: "Import", entityId: runId, data: { kind: "wordpress" } }),
  );
  await enqueue(IMPORT_JOB, runId, { payload: { runId }, maxAttempts: IMPORT_ATTEMPTS });
}

/** Photos hardly compress: an uploads zip unpacks to about its own size, never to this many times it. */
export const UNZIP_MAX_RATIO = 10;
/** What unpacking leaves free on the disk at least (the database and the photos may share it). */
const UNZIP_DISK_RESERVE = 1_000_000_000;

/**
 * Unpacks the uploads zip: photos only, each inside the folder, each under the photo size limit,
 * and all of them under UNZIP_MAX_RATIO times the zip's size (at least 50 MB), leaving a gigabyte
 * free. From a security probe: a zip of 1 MB unpacked to a gigabyte of zeros named .jpg, and one
 * of the 4 GB allowed would have filled the disk.
 */
async function unzipUploads(zip: string, into: string, stopRequested: () => Promise<unknown>): Promise<"whole" | "stopped"> {
  const limit = env.DATELINE_MAX_UPLOAD_MB * 1_000_000;
  const ratio = Math.max((await fsp.stat(zip)).size * UNZIP_MAX_RATIO, 50_000_000);
  // A disk that cannot say how full it is leaves the ratio alone to decide.
  const disk = await fsp.statfs(into).catch(() => null);
  const room = disk ? disk.bavail * disk.bsize - UNZIP_DISK_RESERVE : Infinity;
  const budget = Math.min(ratio, room);
  let total = 0;
  const tooMuch = (bytes: number) =>
    new AppError(
      "invalid",
      bytes > room
        ? `Unpacking the zip of the uploads folder would leave the server's disk with less than ${UNZIP_DISK_RESERVE / 1_000_000_000} GB free. Nothing was imported; make room and upload it again.`
        : `The zip of the uploads folder unpacks to more than ${UNZIP_MAX_RATIO} times its size; photos do not compress that much. Nothing was imported.`,
    );
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    // Names are decoded here, not by yauzl: it fails the whole archive on one name that leads out of
    // the folder ("../x.jpg", "/x.jpg"), where such an entry is skipped like any other unusable one.
    yauzl.open(zip, { lazyEntries: true, decodeStrings: false }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  let stopped = false;
  try {
    await unpack();
  } finally {
    // Also when refused or stopped half way: the zip's file stays open otherwise.
    archive.close();
  }
  return stopped ? "stopped" : "whole";

  function unpack() {
    return new Promise<void>((resolve, reject) => {
      archive.on("error", reject);
      archive.on("end", resolve);
      // An admin who cancels while a zip of thousands of photos is unpacked is heard before the
      // next photo, not when the last is out (the import then writes nothing).
      const nextPhoto = () =>
        stopRequested().then((stop) => {
          if (!stop) return archive.readEntry();
          stopped = true;
          resolve();
        }, reject);
      archive.on("entry", (entry: yauzl.Entry) => {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        // wp-content/uploads/2024/05/x.jpg, uploads/2024/05/x.jpg and 2024/05/x.jpg all mean 2024/05/x.jpg.
        const relative = name.replace(/^(?:.*\/)?uploads\//, "");
        const target = insideFolder(into, relative);
        if (name.endsWith("/") || !/\.(jpe?g|png|gif|webp|avif)$/i.test(name) || !target || entry.uncompressedSize > limit) {
          archive.readEntry();
          return;
        }
        if (total + entry.uncompressedSize > budget) return reject(tooMuch(total + entry.uncompressedSize));
        archive.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          let written = 0;
          const cap = new Transform({
            transform(chunk: Buffer, _e, done) {
              written += chunk.length;
              total += chunk.length;
              done(written > limit ? new Error("entry larger than it said") : total > budget ? tooMuch(total) : null, chunk);
            },
          });
          fsp
            .mkdir(path.dirname(target), { recursive: true })
            .then(() => pipeline(stream, cap, fs.createWriteStream(target)))
            .then(nextPhoto, reject);
        });
      });
      archive.readEntry();
    });
  }
}

/** The job: runs the import as the admin who started it, recording progress and the report. */
export const importJobHandler: JobHandler = async (job) => {
  const { runId } = job.payload as { runId: string };
  const run = await db.importRun.findUnique({ where: { id: runId } });
  if (!run || ENDED_STATUSES.includes(run.status)) return;
  const user = run.actorId ? await db.user.findUnique({ where: { id: run.actorId } }) : null;
  const dir = runDir(runId);
  // A run that has ended keeps nothing on disk: its export and uploads (up to DATELINE_MAX_IMPORT_MB
  // each) are read again by no one, as a new import is a new upload.
  const forget = () => fsp.rm(dir, { recursive: true, force: true });
  // Another runner holds the job now: this one's lease ran out mid-import (its process stalled for
  // a minute), and the other is importing the same run from its folder. The run's end, its status
  // and its files, are the other's: this one deleted the folder under it and marked it ended.
  const takenOver = async () => {
    // Or has ended it already: the job is done (and no longer locked).
    const other = await db.job.count({
      where: { id: job.id, OR: [{ doneAt: { not: null } }, { AND: [{ lockedBy: { not: null } }, { lockedBy: { not: job.holder } }] }] },
    });
    if (other) log("warn", "an import's lease was taken over; its end is left to the runner holding it", { runId });
    return other > 0;
  };
  const fail = async (message: string) => {
    if (await takenOver()) return;
    // Conditional too: a run that has ended (another runner's, done) stays as it ended.
    await db.importRun.updateMany({
      where: { id: runId, status: { notIn: ENDED_STATUSES } },
      data: { status: "failed", error: message, finishedAt: new Date() },
    });
    await forget();
  };
  if (!user || user.disabled || user.role !== "ADMIN") return fail("The admin who started this import can no longer run it.");
  // Conditional, so that a cancel asked for meanwhile ("cancelling") stands. startedAt stays its first try's.
  const startedAt = run.startedAt ?? new Date();
  await db.importRun.updateMany({
    where: { id: runId, status: { in: CANCELLABLE_STATUSES } },
    data: { status: "running", error: null, startedAt },
  });
  /** The name of the admin who asked the import to stop, or null while it is to go on (asked between items). */
  const stopRequested = async () => {
    const current = await db.importRun.findUnique({ where: { id: runId }, select: { status: true, cancelledById: true } });
    if (current?.status !== "cancelling") return null;
    const by = current.cancelledById
      ? await db.user.findUnique({ where: { id: current.cancelledById }, select: { name: true, email: true } })
      : null;
    return by?.name || by?.email || "an admin";
  };
  // The lease of a long import is renewed while it runs, so that no other process takes it over;
  // only while it is still this runner's (one handed back at a shutdown is not locked again).
  const heartbeat = setInterval(() => {
    void db.job
      .updateMany({ where: { id: job.id, doneAt: null, lockedBy: job.holder }, data: { lockedUntil: new Date(Date.now() + 60_000) } })
      .catch(() => {});
  }, 15_000);
  /** The report as it stands (saved when the import stops on an error: the next try, or the failed run's reader, has it whole). */
  const latest: { report: ImportReport | null } = { report: null };
  try {
    let uploadsDir: string | null = null;
    // Cancelled before it began: its uploads are not unpacked (the import then stops before writing anything).
    if (fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "uploads.zip")) && !(await stopRequested())) {
      uploadsDir = path.join(/*turbopackIgnore: true*/ dir, "uploads");
      if (!fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "uploads.done"))) {
        await fsp.rm(uploadsDir, { recursive: true, force: true });
        await fsp.mkdir(uploadsDir, { recursive: true });
        const unpacked = await unzipUploads(path.join(/*turbopackIgnore: true*/ dir, "uploads.zip"), uploadsDir, stopRequested).catch(
          (error: unknown) => {
            throw error instanceof AppError ? error : new AppError("invalid", "The zip of the uploads folder could not be read.");
          },
        );
        if (unpacked === "whole") await fsp.writeFile(path.join(/*turbopackIgnore: true*/ dir, "uploads.done"), "");
      }
    }
    let last = 0;
    let listed = 0;
    let savedAt = 0;
    // An earlier try's report so far (saved below): a resumed try finds what it wrote unchanged.
    const earlier = run.startedAt && run.report ? (JSON.parse(run.report) as ImportReport) : null;
    const report = await importWordPress({
      file: path.join(/*turbopackIgnore: true*/ dir, "export.xml"),
      uploadsDir,
      actor: { id: user.id, email: user.email, name: user.name, role: user.role },
      startedAt,
      resumed: run.startedAt !== null,
      earlier: earlier ?? undefined,
      stopRequested,
      // The count every 10 items. The report so far whenever what is to check grows, at most once a
      // second past its first 100 warnings (its lists, full, are some 600 KB), and else every 5 s:
      // a process that dies mid-import loses at most its last second's warnings (the next try's
      // report lists the rest). An error saves it whole (below), and the end's report is written below.
      onProgress: async (p) => {
        latest.report = p.report;
        const now = Date.now();
        const grew = p.report.warnings.length !== listed;
        const saveReport = p.phase !== "done" && (grew ? listed < 100 || now - savedAt >= 1000 : now - savedAt >= 5000);
        if (!saveReport && p.phase !== "done" && p.processed - last < 10) return;
        last = p.processed;
        if (saveReport) {
          listed = p.report.warnings.length;
          savedAt = now;
        }
        // Not over a run that has ended (another runner's, after this one's lease ran out).
        await db.importRun.updateMany({
          where: { id: runId, status: { notIn: ENDED_STATUSES } },
          data: { processed: p.processed, ...(saveReport ? { report: JSON.stringify(p.report) } : {}) },
        });
      },
    });
    // A cancel asked for after its last item is too late: the import is done, its report whole.
    // Conditional, as the cancel is: one that came after the import's own last look (writing its
    // audit entry, expiring pages) finds the run done, or the run finds it, and its report says so.
    if (await takenOver()) return;
    const ended = (status: string) => ({ status, report: JSON.stringify(report), finishedAt: new Date() });
    if (report.cancelled)
      await db.importRun.updateMany({ where: { id: runId, status: { notIn: ENDED_STATUSES } }, data: ended("cancelled") });
    else {
      const { count } = await db.importRun.updateMany({ where: { id: runId, status: { in: CANCELLABLE_STATUSES } }, data: ended("done") });
      const late = count === 0 ? await stopRequested() : null;
      if (late) {
        noteCancelTooLate(report, late);
        await db.importRun.update({ where: { id: runId }, data: ended("done") });
      }
    }
    await forget();
  } catch (error) {
    // What it found to check, whole (the last second's was not saved yet): the next try carries it, and a failed run shows it.
    if (latest.report && !(await takenOver().catch(() => true)))
      await db.importRun
        .updateMany({ where: { id: runId, status: { notIn: ENDED_STATUSES } }, data: { report: JSON.stringify(latest.report) } })
        .catch(() => {});
    if (error instanceof AppError || error instanceof WxrError) return fail(error.message);
    // The last try: the run is marked failed (and its files go) rather than left "running" for ever.
    if (job.attempts >= IMPORT_ATTEMPTS) {
      log("error", "an import failed for the last time", { runId, error: String(error) });
      return fail("The import stopped on an unexpected error. What it imported is kept; upload the file again to finish it.");
    }
    log("error", "an import failed; it will be tried again", { runId, error: String(error) });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
};

/**
 * The runs the admin screen lists, newest first. A report can hold hundreds of kilobytes of
 * warnings: only the one `shown` is read, and the cancelled runs' (their status line is the
 * report's first sentence); of the others the list knows only whether they have one.
 */
export async function listImportRuns(take = 20, shown?: string) {
  const runs = await db.importRun.findMany({ orderBy: { createdAt: "desc" }, take, omit: { report: true } });
  const ids = runs.map((run) => run.id);
  const [withReport, reports] = await Promise.all([
    db.importRun.findMany({ where: { id: { in: ids }, report: { not: "" } }, select: { id: true } }),
    db.importRun.findMany({
      where: { id: { in: ids }, report: { not: "" }, OR: [{ status: "cancelled" }, ...(shown ? [{ id: shown }] : [])] },
      select: { id: true, report: true },
    }),
  ]);
  const has = new Set(withReport.map((run) => run.id));
  const read = new Map(reports.map((run) => [run.id, JSON.parse(run.report) as ImportReport]));
  return runs.map((run) => ({ ...run, hasReport: has.has(run.id), report: read.get(run.id) ?? null }));
}

/** How long an upload may wait for its import to be started before its files are deleted. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Runs whose files were uploaded but never imported (the admin left before starting, or the
 * browser closed mid-upload), a day old: their files are deleted and the run is marked failed.
 * Run with the job table's pruning (lib/articles/scheduler-loop.ts).
 */
export async function forgetAbandonedImports(now = new Date()): Promise<number> {
  const stale = await db.importRun.findMany({
    where: { status: "uploading", updatedAt: { lt: new Date(now.getTime() - ABANDONED_UPLOAD_MS) } },
    select: { id: true },
    take: 100,
  });
  for (const { id } of stale) {
    const { count } = await db.importRun.updateMany({
      where: { id, status: "uploading" },
      data: { status: "failed", error: "It was never started: its files were deleted after a day.", finishedAt: now },
    });
    if (count === 1) await fsp.rm(runDir(id), { recursive: true, force: true });
  }
  return stale.length;
}
