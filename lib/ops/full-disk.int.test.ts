import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import type { Viewer } from "../auth/viewer";
import { AppError, toActionResult, toResponse } from "../errors";
import { env } from "../env";
import { bodyFromParagraphs } from "../articles/body";
import { createArticle, updateArticle } from "../articles/mutations/index";
import { createImage } from "../media/ingest";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { makePhoto } from "../test/images";

// Issue 7: a full disk during a save or an upload answers with an error and leaves no partial
// file or row. The database's "disk" is SQLite's own page limit (max_page_count: the same
// SQLITE_FULL a full disk gives); the media disk is a real 1 MB filesystem (tmpfs) mounted over
// the media folder, which needs root, as CI has.

let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
});

async function pageLimit(pages: number | null) {
  if (pages === null) {
    await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    return;
  }
  await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
}

describe("a full disk", () => {
  // SQLite only: the database file is given a page limit. (PostgreSQL's disk-full error, 53100, maps to the same answer in lib/errors.ts.)
  it.skipIf(isPostgres)(
    "refuses a save with a clear message, and the story, its revisions and its audit log stay as they were",
    async () => {
      const story = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
      const before = await db.article.findUniqueOrThrow({ where: { id: story.id }, include: { revisions: true } });
      // This story's events only: the test files share one database and write their own meanwhile.
      const auditBefore = await db.auditEvent.count({ where: { entityId: story.id } });
      const [pages] = await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
      await pageLimit(Number(pages!.page_count));
      try {
        const big = bodyFromParagraphs(
          Array.from({ length: 40 }, (_, i) => `Paragraph ${i} ${"of a long story that needs new pages. ".repeat(60)}`),
        );
        const error = await updateArticle(editor, {
          ...readyArticleInput(bits.section.id, bits.author.id),
          id: story.id,
          version: story.version,
          slug: story.slug,
          body: big,
        }).catch((e) => e);
        // What the Server Action answers the editor (lib/auth/action.ts turns errors into this).
        const result = toActionResult(error);
        expect(result).toMatchObject({ ok: false, code: "storage_full" });
        expect(!result.ok && result.error).toMatch(/out of disk space, so this was not saved/);
      } finally {
        await pageLimit(null);
      }
      const after = await db.article.findUniqueOrThrow({ where: { id: story.id }, include: { revisions: true } });
      expect(after.version).toBe(before.version);
      expect(after.bodyText).toBe(before.bodyText);
      expect(after.revisions).toHaveLength(before.revisions.length);
      expect(await db.auditEvent.count({ where: { entityId: story.id } })).toBe(auditBefore);
      // Once there is room again, the same save goes through.
      await updateArticle(editor, {
        ...readyArticleInput(bits.section.id, bits.author.id),
        id: story.id,
        version: story.version,
        slug: story.slug,
      });
    },
  );

  const mediaDir = path.resolve(env.DATELINE_MEDIA_DIR);
  let mounted = false;
  const canMount = process.getuid?.() === 0;

  afterAll(() => {
    if (mounted) execFileSync("umount", [mediaDir]);
  });

  it.runIf(canMount)("refuses an upload with a clear message, and leaves no file and no row", async () => {
    fs.mkdirSync(mediaDir, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mediaDir]);
    mounted = true;
    // The megabyte is taken but for room for the photo's original: its variants do not fit.
    const photo = await makePhoto("jpeg", 2400, 1600, 97);
    const page = 4096;
    fs.writeFileSync(path.join(mediaDir, "filler"), Buffer.alloc(1024 * 1024 - Math.ceil(photo.length / page) * page - page));
    const imagesBefore = await db.image.count();

    const error = await createImage(editor, photo, { credit: "Full Disk/Test" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/out of disk space/);
    expect(fs.readdirSync(mediaDir)).toEqual(["filler"]);
    expect(await db.image.count()).toBe(imagesBefore);

    // Room again: the same upload is stored whole.
    fs.rmSync(path.join(mediaDir, "filler"));
    const stored = await createImage(editor, photo, { credit: "Full Disk/Test" });
    expect(stored.existing).toBe(false);
    expect(fs.readdirSync(mediaDir).length).toBeGreaterThan(3);
    expect(fs.readdirSync(mediaDir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it.runIf(canMount)(
    "answers an upload the server cannot write (a read-only media disk) as the server's failure, 503 `unavailable`: not a refused file, and not a full disk",
    async () => {
      fs.mkdirSync(mediaDir, { recursive: true });
      if (mounted) execFileSync("umount", [mediaDir]);
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mediaDir]);
      mounted = true;
      const imagesBefore = await db.image.count();
      const error = await createImage(editor, await makePhoto("jpeg", 800, 600, 98), { credit: "Read Only/Test" }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      const result = toActionResult(error);
      expect(result).toMatchObject({
        ok: false,
        code: "unavailable",
        error: expect.stringContaining("the photo store did not take its file"),
      });
      expect(toResponse(error).status).toBe(503);
      expect(toResponse(error).headers.get("retry-after")).toBeNull();
      expect(await db.image.count()).toBe(imagesBefore);
    },
  );
});
