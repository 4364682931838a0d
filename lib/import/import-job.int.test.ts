import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeUser } from "../test/factories";
import { makePhoto } from "../test/images";
import { siteExport } from "../test/wxr-site";
import { importDir, importJobHandler } from "./jobs";
import { cancelImport } from "./cancel";
import { cancelTooLateMessage, cancelledSentence } from "./report";
import { auditSentence } from "../audit/sentences";
import type { ImportReport } from "./wordpress/run";

// The job's import, as it is, with a hook after each story of its next run: a test crashes the
// process there (a restart mid-import) or has an admin cancel it.
// A story count of 0 is the import's last word, after its audit entry (its "done" progress).
// afterBylines: called when the bylines are written and the sections and tags are next.
const next = vi.hoisted(() => ({
  afterStory: null as null | ((stories: number) => Promise<void>),
  afterBylines: null as null | (() => Promise<void>),
}));
vi.mock("./wordpress/run", async (importOriginal) => {
  const real = await importOriginal<typeof import("./wordpress/run")>();
  return {
    ...real,
    importWordPress: (options: Parameters<typeof real.importWordPress>[0]) => {
      const hook = next.afterStory;
      const afterBylines = next.afterBylines;
      next.afterStory = null;
      next.afterBylines = null;
      if (!hook && !afterBylines) return real.importWordPress(options);
      let stories = 0;
      let readings = 0;
      return real.importWordPress({
        ...options,
        onProgress: async (p) => {
          await options.onProgress?.(p);
          if (p.phase === "reading" && ++readings === 1) await afterBylines?.();
          if (p.phase === "stories") await hook?.(++stories);
          if (p.phase === "done") await hook?.(0);
        },
      });
    },
  };
});

let admin: Viewer;
beforeAll(async () => {
  admin = await makeUser("ADMIN");
});

const POSTS = 8;
/** Each site's WordPress ids start at its own hundred (the same site's export again has the same ids). */
const sites = new Map<string, number>();
const exportOf = (label: string) => {
  if (!sites.has(label)) sites.set(label, 20_000 + sites.size * 100);
  return siteExport(label, sites.get(label)!, POSTS);
};

/** A queued run of `label`'s export with its uploads zip, as the desk leaves it for the job. */
async function queuedRun(label: string, edit: (xml: string) => string = (xml) => xml): Promise<string> {
  const run = await db.importRun.create({ data: { fileName: "export.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
  const dir = path.join(importDir(), run.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "export.xml"), edit(exportOf(label)));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "wp-zip-"));
  fs.mkdirSync(path.join(work, "wp-content/uploads", label), { recursive: true });
  // Photos of their own: the library finds a photo again by its bytes, and one another test file's
  // import also made (its seeds are below 100) was reused with this file's details when it ran first.
  const seed = 500 + 2 * sites.size;
  fs.writeFileSync(path.join(work, "wp-content/uploads", label, "quay.jpg"), await makePhoto("jpeg", 900, 600, seed));
  fs.writeFileSync(path.join(work, "wp-content/uploads", label, "harbour.jpg"), await makePhoto("jpeg", 1200, 800, seed + 1));
  execFileSync("zip", ["-qr", path.join(dir, "uploads.zip"), "wp-content"], { cwd: work });
  fs.rmSync(work, { recursive: true, force: true });
  return run.id;
}

const tryOf = (runId: string, attempts: number) => ({ id: "no-such-job", key: runId, payload: { runId }, attempts, holder: "this-test" });
const reportOf = async (runId: string) => {
  const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
  return { run, report: JSON.parse(run.report) as ImportReport };
};
const WHOLE = {
  stories: { created: POSTS, updated: 0, unchanged: 0, skipped: 0 },
  photos: { created: 2, updated: 0, unchanged: 0, skipped: 0 },
};

describe("an import resumed after a restart", () => {
  it("reports what its first try imported as well (the report counted only the second try's; the rest 'unchanged')", async () => {
    const runId = await queuedRun("restarted");
    next.afterStory = async (stories) => {
      if (stories === 3) throw new Error("power cut");
    };
    await expect(importJobHandler(tryOf(runId, 1))).rejects.toThrow("power cut");
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");
    expect(await db.importMapping.count({ where: { source: "https://restarted.example", kind: "post" } })).toBe(3);
    // Another process takes the job over and carries on.
    await importJobHandler(tryOf(runId, 2));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("done");
    expect(report.counts).toMatchObject({
      ...WHOLE,
      bylines: { created: 1, updated: 0, unchanged: 0, skipped: 0 },
      sections: { created: 1, updated: 0, unchanged: 0, skipped: 0 },
      tags: { created: 1, updated: 0, unchanged: 0, skipped: 0 },
    });
    expect(report.startedAt).toBe(run.startedAt!.toISOString());

    // A later run of the same export is a run of its own: all of it unchanged.
    const again = await queuedRun("restarted");
    await importJobHandler(tryOf(again, 1));
    const { report: second } = await reportOf(again);
    expect(second.counts.stories).toEqual({ created: 0, updated: 0, unchanged: POSTS, skipped: 0 });
    expect(second.counts.photos).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(second.counts.sections).toEqual({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
  }, 60_000);
});

describe("an import's report kept as it goes", () => {
  // Story 2 has no title (its headline is made from its first words, for the desk to write) and
  // story 6 a byline the export does not list.
  const withNotes = (label: string) => (xml: string) =>
    xml
      .replace(`<title><![CDATA[${label} story 2]]></title>`, "<title><![CDATA[]]></title>")
      .replace(
        `<dc:creator><![CDATA[${label}-writer]]></dc:creator>\n  <guid isPermaLink="false">https://${label}.example/?p=${sites.get(label)! + 15}`,
        `<dc:creator><![CDATA[stranger]]></dc:creator>\n  <guid isPermaLink="false">https://${label}.example/?p=${sites.get(label)! + 15}`,
      );
  const toCheck = (report: ImportReport) => report.warnings.map((w) => `${w.id}: ${w.message}`);

  it("lists after a restart what the first try found to check (the resumed try found its stories unchanged, and the report lost them)", async () => {
    const id = sites.get("notes-restart") ?? (exportOf("notes-restart"), sites.get("notes-restart")!);
    const runId = await queuedRun("notes-restart", withNotes("notes-restart"));
    next.afterStory = async (stories) => {
      if (stories === 3) throw new Error("power cut");
    };
    await expect(importJobHandler(tryOf(runId, 1))).rejects.toThrow("power cut");
    // While it waits to carry on, its report so far is there to read.
    const { report: sofar } = await reportOf(runId);
    expect(toCheck(sofar)).toEqual([`${id + 11}: It has no title: its headline is its first words until an editor writes one.`]);
    // As it stood when it stopped (it was saved last at the second post, its warning's).
    expect(sofar.counts.stories.created).toBe(3);
    await importJobHandler(tryOf(runId, 2));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("done");
    // The first try's, once, and the second's.
    expect(toCheck(report)).toEqual([
      `${id + 11}: It has no title: its headline is its first words until an editor writes one.`,
      `${id + 15}: Its byline “stranger” is not among the export's authors and was left off.`,
    ]);
  }, 60_000);
});

describe("cancelling an import", () => {
  it("stops a running import before its next post, keeps what it imported, and reports who cancelled it after how many posts", async () => {
    const other = await makeUser("ADMIN");
    const runId = await queuedRun("cancelled");
    let second: unknown;
    next.afterStory = async (stories) => {
      if (stories !== 3) return;
      await expect(cancelImport(other, { id: runId })).resolves.toMatchObject({ message: expect.stringMatching(/^Cancelling/) });
      // A double click: the second says so, and changes nothing.
      second = await cancelImport(other, { id: runId }).catch((error: Error) => error.message);
    };
    await importJobHandler(tryOf(runId, 1));
    expect(second).toBe("That import is already being cancelled; it stops after the item it is on.");
    const { run, report } = await reportOf(runId);
    expect(run).toMatchObject({ status: "cancelled", cancelledById: other.id, error: null });
    expect(run.finishedAt).not.toBeNull();
    expect(report.cancelled).toEqual({ by: other.name, after: 3, of: POSTS });
    expect(cancelledSentence(report.cancelled!)).toBe(`Cancelled by ${other.name} after 3 of ${POSTS} posts; what was imported stays.`);
    // What it imported stays, each story whole; nothing after the third post was written.
    expect(report.counts.stories).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const mapped = await db.importMapping.findMany({ where: { source: "https://cancelled.example", kind: "post" } });
    expect(mapped).toHaveLength(3);
    for (const m of mapped) expect(await db.revision.count({ where: { articleId: m.entityId } })).toBe(1);
    expect(fs.existsSync(path.join(importDir(), runId))).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { action: "import.cancel", entityId: runId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: other.id, entityType: "Import" });
    // Ended: cancelling it again says so.
    await expect(cancelImport(other, { id: runId })).rejects.toThrow("That import was cancelled already.");
  }, 60_000);

  it("stops before the sections and tags when cancelled after the bylines, and writes nothing more (it wrote every term first, and stopped only at its first photo)", async () => {
    const runId = await queuedRun("cancelled-terms");
    next.afterBylines = async () => {
      await cancelImport(admin, { id: runId });
    };
    await importJobHandler(tryOf(runId, 1));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("cancelled");
    expect(report.cancelled).toEqual({ by: admin.name, after: 0, of: POSTS });
    expect(report.counts.bylines.created).toBe(1);
    expect(report.counts.sections).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.counts.tags).toEqual({ created: 0, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.counts.photos.created).toBe(0);
    const mapped = await db.importMapping.findMany({ where: { source: "https://cancelled-terms.example" }, select: { kind: true } });
    expect(mapped.map((m) => m.kind)).toEqual(["author"]);
    expect(await db.section.count({ where: { slug: "cancelled-terms-desk" } })).toBe(0);
  }, 60_000);

  it("cancelled while a restarted run waits to carry on, it still ends as a run: audited, its first try's work counted, and shown to readers (it stopped at once, as one never begun, then said “after 0 of 8”)", async () => {
    const runId = await queuedRun("restart-cancel");
    next.afterStory = async (stories) => {
      if (stories === 3) throw new Error("power cut");
    };
    await expect(importJobHandler(tryOf(runId, 1))).rejects.toThrow("power cut");
    await cancelImport(admin, { id: runId });
    await importJobHandler(tryOf(runId, 2));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("cancelled");
    // What the run did, both tries: it said "after 0 of 8 posts", none created.
    expect(report.cancelled).toEqual({ by: admin.name, after: 3, of: POSTS });
    expect(report.counts.stories).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.counts.photos).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0 });
    expect(await db.importMapping.count({ where: { source: "https://restart-cancel.example", kind: "post" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "import.wordpress.finish", entityId: "https://restart-cancel.example" } })).toBe(1);
  }, 60_000);

  it("cancelled while it waits to carry on, a re-import counts the posts its first try found unchanged too (it reported after 0)", async () => {
    await importJobHandler(tryOf(await queuedRun("earlier-restart"), 1));
    // The same site's export again, posts 4 to 8 revised: the first try finds 1 to 3 unchanged,
    // updates 4 and 5, and the power goes.
    const runId = await queuedRun("earlier-restart");
    const file = path.join(importDir(), runId, "export.xml");
    let xml = fs.readFileSync(file, "utf8");
    for (const n of [4, 5, 6, 7, 8]) xml = xml.replace(`earlier-restart story ${n}]]>`, `earlier-restart story ${n}, revised]]>`);
    fs.writeFileSync(file, xml);
    next.afterStory = async (stories) => {
      if (stories === 5) throw new Error("power cut");
    };
    await expect(importJobHandler(tryOf(runId, 1))).rejects.toThrow("power cut");
    await cancelImport(admin, { id: runId });
    await importJobHandler(tryOf(runId, 2));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("cancelled");
    expect(report.cancelled).toEqual({ by: admin.name, after: 5, of: POSTS });
    expect(report.counts.stories).toEqual({ created: 0, updated: 2, unchanged: 3, skipped: 0 });
    expect(report.counts.photos).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
  }, 60_000);

  it("cancelled after its last post, it is done, and its report and the audit log say the cancel came too late (the log said it was cancelled)", async () => {
    const other = await makeUser("ADMIN");
    const runId = await queuedRun("late-cancel");
    next.afterStory = async (stories) => {
      if (stories === POSTS) await cancelImport(other, { id: runId });
    };
    await importJobHandler(tryOf(runId, 1));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("done");
    expect(report.cancelled).toBeUndefined();
    expect(report.counts.stories).toEqual({ created: POSTS, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.warnings.map((w) => w.message)).toContain(
      `${other.name} cancelled it after its last post: the import had finished, and all of this report was imported.`,
    );
    expect(report.warnings).toHaveLength(1);
    const sentence = async (action: string, entityId: string) => {
      const event = await db.auditEvent.findFirstOrThrow({ where: { action, entityId } });
      return auditSentence({ ...event, data: event.data, entityName: null, actorName: "Ana Ruiz" }, "UTC").replace(/ at \d\d:\d\d$/, "");
    };
    expect(await sentence("import.cancel", runId)).toBe(
      "Ana Ruiz asked the WordPress import of ‘export.xml’ to stop; what it has imported stays",
    );
    expect(await sentence("import.wordpress.finish", "https://late-cancel.example")).toBe(
      `Ana Ruiz finished a WordPress import: ${POSTS} stories added, 0 updated; ${other.name}'s cancel came after its last post`,
    );
  }, 60_000);

  it("cancelled after it last looked (its audit entry written), it is done, and its report still says the cancel came too late", async () => {
    const other = await makeUser("ADMIN");
    const runId = await queuedRun("last-moment-cancel");
    next.afterStory = async (stories) => {
      if (stories === 0) await cancelImport(other, { id: runId });
    };
    await importJobHandler(tryOf(runId, 1));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("done");
    expect(report.cancelled).toBeUndefined();
    expect(report.counts.stories).toEqual({ created: POSTS, updated: 0, unchanged: 0, skipped: 0 });
    expect(report.warnings.map((w) => w.message)).toEqual([cancelTooLateMessage(other.name!)]);
    expect(report.cancelledTooLate).toBe(other.name);
  }, 60_000);

  it("stops a queued import before it writes anything", async () => {
    const runId = await queuedRun("queued-cancel");
    await cancelImport(admin, { id: runId });
    await importJobHandler(tryOf(runId, 1));
    const { run, report } = await reportOf(runId);
    expect(run.status).toBe("cancelled");
    expect(report.cancelled).toEqual({ by: admin.name, after: 0, of: POSTS });
    expect(await db.importMapping.count({ where: { source: "https://queued-cancel.example" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "import.wordpress.start", entityId: "https://queued-cancel.example" } })).toBe(0);
  }, 60_000);

  it("says a run that has just finished was not cancelled, and refuses anyone but an admin", async () => {
    const runId = await queuedRun("finished");
    await importJobHandler(tryOf(runId, 1));
    await expect(cancelImport(admin, { id: runId })).rejects.toThrow(
      "That import has already finished, so nothing was cancelled. Its report is in the list below.",
    );
    expect((await db.importRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("done");

    const queued = await db.importRun.create({ data: { fileName: "x.xml", actorId: admin.id, status: "queued" }, select: { id: true } });
    for (const role of ["EDITOR", "WRITER"] as const) {
      await expect(cancelImport(await makeUser(role), { id: queued.id })).rejects.toThrow("Only admins can cancel an import.");
    }
    expect(await db.importRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "queued", cancelledById: null });
    expect(await db.auditEvent.count({ where: { action: "import.cancel", entityId: queued.id } })).toBe(0);
    await expect(cancelImport(admin, { id: "no-such-run" })).rejects.toThrow("That import does not exist.");
  }, 60_000);
});
