import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import type { ArticleStatus } from "../generated/prisma/enums";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, deleteArticle, transitionArticle, updateArticle } from "./mutations/index";
import { publishDueArticles } from "./scheduler";
import { listRevisions, restoreRevision } from "./revisions";
import { createImage } from "../media/ingest";
import { makeWirePhoto } from "../test/images";
import { getArticleForEdit } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { bodyFromParagraphs, emptyBody } from "./body";
import { fieldOfNeed, publishProblems } from "./workflow";
import { countTurns } from "../test/turns";
import { readSiteSettings } from "../settings/queries";
import { formatDateTime } from "../format/time";

let users: Record<"WRITER" | "EDITOR" | "ADMIN", Viewer>;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  users = { WRITER: await makeUser("WRITER"), EDITOR: await makeUser("EDITOR"), ADMIN: await makeUser("ADMIN") };
  bits = await makeNewsroomBits(users.WRITER.id);
});

/** A story by the writer, moved by an editor into `status`. */
async function storyIn(status: ArticleStatus) {
  const editor = users.EDITOR;
  let saved = await createArticle(users.WRITER, readyArticleInput(bits.section.id, bits.author.id));
  const move = async (to: ArticleStatus, extra = {}) => {
    saved = await transitionArticle(editor, { id: saved.id, version: saved.version, to, ...extra });
  };
  if (status === "IN_REVIEW") await move("IN_REVIEW");
  if (status === "SCHEDULED") await move("SCHEDULED", { scheduledFor: new Date(Date.now() + 3_600_000) });
  if (status === "PUBLISHED" || status === "UNPUBLISHED") await move("PUBLISHED");
  if (status === "UNPUBLISHED") await move("UNPUBLISHED", { reason: "Test" });
  return saved;
}

// Each move, for each role: A = allowed for admins and editors, W = writers too (own story).
const MOVES: [ArticleStatus, ArticleStatus, string][] = [
  ["DRAFT", "IN_REVIEW", "WEA"],
  ["IN_REVIEW", "DRAFT", "WEA"],
  ["DRAFT", "SCHEDULED", "EA"],
  ["IN_REVIEW", "PUBLISHED", "EA"],
  ["DRAFT", "PUBLISHED", "EA"],
  ["SCHEDULED", "DRAFT", "EA"],
  ["SCHEDULED", "PUBLISHED", "EA"],
  ["PUBLISHED", "UNPUBLISHED", "EA"],
  ["UNPUBLISHED", "PUBLISHED", "EA"],
  ["UNPUBLISHED", "DRAFT", "EA"],
  ["PUBLISHED", "DRAFT", ""],
  ["DRAFT", "UNPUBLISHED", ""],
];

describe("workflow moves by role", () => {
  const cases = MOVES.flatMap(([from, to, allowed]) =>
    (["WRITER", "EDITOR", "ADMIN"] as const).map((role) => ({ from, to, role, ok: allowed.includes(role[0]!) })),
  );
  it.each(cases)("$role moving $from → $to: allowed=$ok", async ({ from, to, role, ok }) => {
    const story = await storyIn(from);
    const extra =
      to === "SCHEDULED"
        ? { scheduledFor: new Date(Date.now() + 3_600_000) }
        : to === "UNPUBLISHED" || to === "DRAFT"
          ? { reason: "Test" }
          : {};
    const result = await transitionArticle(users[role], { id: story.id, version: story.version, to, ...extra }).then(
      () => "ok",
      (e: { code: string }) => e.code,
    );
    if (ok) expect(result).toBe("ok");
    else expect(["forbidden", "invalid", "not_found"]).toContain(result);
    const status = (await db.article.findUnique({ where: { id: story.id }, select: { status: true } }))!.status;
    expect(status).toBe(ok ? to : from);
  });

  it("requires a reason to unpublish", async () => {
    const story = await storyIn("PUBLISHED");
    await expect(transitionArticle(users.EDITOR, { id: story.id, version: story.version, to: "UNPUBLISHED" })).rejects.toMatchObject({
      fieldErrors: { reason: [expect.stringMatching(/Say why/)] },
    });
  });
});

describe("the scheduler", () => {
  it("publishes a due story once, even when run twice at the same time", async () => {
    const story = await storyIn("SCHEDULED");
    const due = new Date(Date.now() + 2 * 3_600_000);
    const [a, b] = await Promise.all([publishDueArticles(due), publishDueArticles(due)]);
    expect([...a.published, ...b.published].filter((id) => id === story.id)).toHaveLength(1);
    const row = await db.article.findUnique({ where: { id: story.id }, select: { status: true, firstPublishedAt: true } });
    expect(row?.status).toBe("PUBLISHED");
    expect(row?.firstPublishedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: story.id, action: "article.published" } })).toBe(1);
    expect((await publishDueArticles(due)).published).not.toContain(story.id);
  });

  it("acts once on a double-submitted publish: the second click gets a conflict, one revision and one audit event", async () => {
    const story = await storyIn("IN_REVIEW");
    const revisionsBefore = await db.revision.count({ where: { articleId: story.id } });
    const clicks = await Promise.allSettled(
      [0, 1].map(() => transitionArticle(users.EDITOR, { id: story.id, version: story.version, to: "PUBLISHED" })),
    );
    expect(clicks.map((c) => (c.status === "fulfilled" ? "published" : (c.reason as { code: string }).code)).sort()).toEqual([
      "conflict",
      "published",
    ]);
    expect(await db.auditEvent.count({ where: { entityId: story.id, action: "article.published" } })).toBe(1);
    expect(await db.revision.count({ where: { articleId: story.id } })).toBe(revisionsBefore + 1);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).version).toBe(story.version + 1);
  });

  it("publishes through the same move as the editor's button: the time it went live, a revision, an audit event, a new version", async () => {
    const story = await storyIn("SCHEDULED");
    const scheduledFor = (await db.article.findUniqueOrThrow({ where: { id: story.id } })).scheduledFor!;
    // The scheduler runs late (the server was down): the story went live then, not at the time set.
    const ranAt = new Date(scheduledFor.getTime() + 10 * 60_000);
    expect((await publishDueArticles(ranAt)).published).toContain(story.id);
    const row = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    expect(row).toMatchObject({ status: "PUBLISHED", firstPublishedAt: ranAt, publishedAt: ranAt, contentUpdatedAt: ranAt });
    expect(row.scheduledFor).toBeNull();
    expect(row.version).toBe(story.version + 1);
    const revision = await db.revision.findFirstOrThrow({ where: { articleId: story.id }, orderBy: { version: "desc" } });
    expect(revision.note).toBe("Scheduled → Published");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: story.id, action: "article.published" } });
    expect(audit.actorId).toBeNull();
    expect(audit.data).toMatchObject({ from: "SCHEDULED", to: "PUBLISHED", by: "scheduler" });
  });

  it("lets the server's other requests in between the due stories it goes through (a run held every request of its process until it was done)", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    await db.article.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        headline: `Turn ${i}`,
        slug: `turn-${tag}-${i}`,
        body: emptyBody(),
        status: "SCHEDULED" as const,
        scheduledFor: new Date(Date.now() - 60_000),
      })),
    });
    const turns = countTurns();
    let turnsTaken = 0;
    const run = await publishDueArticles(new Date()).finally(async () => {
      turnsTaken = turns();
      await db.article.deleteMany({ where: { slug: { startsWith: `turn-${tag}-` } } });
    });
    expect(run.held.length).toBeGreaterThanOrEqual(20);
    expect(turnsTaken).toBeGreaterThanOrEqual(20);
  });

  it("publishes a ready story behind a page of held ones, and tells the people on a held story once (held ones kept the rest waiting)", async () => {
    const held: string[] = [];
    for (let i = 0; i < 3; i++) {
      const story = await storyIn("SCHEDULED");
      // Made unready behind the rules' back, as a kill or a lapsed license does after scheduling.
      await db.article.update({ where: { id: story.id }, data: { sectionId: null } });
      held.push(story.id);
    }
    // A hundred more held ones (no body, no byline), due before the rest: a whole page of the scheduler's.
    const early = new Date(Date.now() - 60_000);
    const tag = Math.random().toString(36).slice(2, 8);
    await db.article.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        headline: `Held ${i}`,
        slug: `held-${tag}-${i}`,
        body: emptyBody(),
        status: "SCHEDULED" as const,
        scheduledFor: early,
      })),
    });
    const ready = await storyIn("SCHEDULED");
    const due = new Date(Date.now() + 2 * 3_600_000);
    const first = await publishDueArticles(due);
    expect(first.published).toContain(ready.id);
    await db.article.deleteMany({ where: { slug: { startsWith: `held-${tag}-` } } });
    // Pages of two: the held stories fill the first page and half the second.
    const run = await publishDueArticles(due, 2);
    expect(run.held.filter((h) => held.includes(h.id))).toEqual(held.map((id) => ({ id, problems: ["a section"] })));
    const notes = await db.notification.findMany({ where: { articleId: { in: held }, kind: "HELD" } });
    // The writer who made each story and the editor who scheduled it.
    expect(
      notes.map((n) => `${n.userId === users.WRITER.id ? "writer" : n.userId === users.EDITOR.id ? "editor" : n.userId} ${n.note}`).sort(),
    ).toEqual(
      [...held, ...held].map((_, i) =>
        expect.stringMatching(
          new RegExp(`^${i < 3 ? "editor" : "writer"} Not published at .+: it needs a section\\. It stays scheduled\\.$`),
        ),
      ),
    );
    // Told once: the next run holds them again without telling anyone again, a save (the last saver is a writer) too.
    await db.article.update({ where: { id: held[0]! }, data: { headline: "Retitled while held", updatedById: users.WRITER.id } });
    await publishDueArticles(due, 2);
    expect(await db.notification.count({ where: { articleId: { in: held }, kind: "HELD" } })).toBe(6);
    expect((await db.article.findMany({ where: { id: { in: held } }, select: { status: true } })).map((s) => s.status)).toEqual([
      "SCHEDULED",
      "SCHEDULED",
      "SCHEDULED",
    ]);
  });

  it("leaves a story that is not due yet alone", async () => {
    const story = await storyIn("SCHEDULED");
    expect((await publishDueArticles(new Date())).published).not.toContain(story.id);
  });
});

describe("revisions, autosave and deletion", () => {
  it("autosaves a draft without writing a revision, and restores an older revision as a new one", async () => {
    const story = await createArticle(users.EDITOR, readyArticleInput(bits.section.id, bits.author.id, { headline: "First headline" }));
    const base = readyArticleInput(bits.section.id, bits.author.id);
    const auto = await updateArticle(users.EDITOR, {
      ...base,
      slug: (await getArticleForEdit(users.EDITOR, story.id))!.slug,
      headline: "Typed headline",
      id: story.id,
      version: story.version,
      autosave: true,
    });
    expect((await listRevisions(users.EDITOR, story.id)).length).toBe(1);
    const first = (await listRevisions(users.EDITOR, story.id)).at(-1)!;
    const restored = await restoreRevision(users.EDITOR, { articleId: story.id, revisionId: first.id, version: auto.version });
    expect((await getArticleForEdit(users.EDITOR, story.id))?.headline).toBe("First headline");
    expect(restored.version).toBe(auto.version + 1);
    expect((await listRevisions(users.EDITOR, story.id)).length).toBe(2);
  });

  it("restores a revision's photo with what that version said of it, and the library's details where it said nothing", async () => {
    const photo = await createImage(users.EDITOR, await makeWirePhoto(61), {});
    const hero = {
      imageId: photo.id,
      caption: "The story's own caption.",
      credit: "",
      agency: "",
      altText: "",
      creditLine: "Handout/Ministry of Defence",
    };
    const input = readyArticleInput(bits.section.id, bits.author.id, { hero });
    const story = await createArticle(users.EDITOR, input);
    const slug = (await getArticleForEdit(users.EDITOR, story.id))!.slug;
    const changed = await updateArticle(users.EDITOR, { ...input, slug, id: story.id, version: story.version, hero: null });
    expect(await db.articleImage.count({ where: { articleId: story.id } })).toBe(0);
    const first = (await listRevisions(users.EDITOR, story.id)).at(-1)!;
    await restoreRevision(users.EDITOR, { articleId: story.id, revisionId: first.id, version: changed.version });
    expect(
      await db.articleImage.findMany({
        where: { articleId: story.id },
        select: { imageId: true, role: true, caption: true, credit: true, agency: true, altText: true, creditLine: true },
      }),
    ).toEqual([
      {
        imageId: photo.id,
        role: "HERO",
        caption: "The story's own caption.",
        credit: null,
        agency: null,
        altText: null,
        creditLine: "Handout/Ministry of Defence",
      },
    ]);
  });

  it("deletes a never-published draft but only unpublishes a story that was live", async () => {
    const draft = await createArticle(users.WRITER, readyArticleInput(bits.section.id, bits.author.id));
    await deleteArticle(users.WRITER, { id: draft.id, version: draft.version });
    expect(await db.article.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "article.delete" } })).toBe(1);

    const once = await storyIn("UNPUBLISHED");
    await expect(deleteArticle(users.ADMIN, { id: once.id, version: once.version })).rejects.toThrow(/can only be unpublished/);
  });
});

describe("saving a story that is live or scheduled", () => {
  /** The story's fields as saved, as the editor sends them back with changes. */
  async function fieldsOf(story: { id: string; version: number }) {
    const saved = (await getArticleForEdit(users.EDITOR, story.id))!;
    return {
      ...readyArticleInput(bits.section.id, bits.author.id),
      headline: saved.headline,
      slug: saved.slug,
      id: story.id,
      version: story.version,
      materialUpdate: true,
    };
  }

  it("refuses to take away what the story went live with, beside the fields, and saves nothing", async () => {
    const live = await storyIn("PUBLISHED");
    const refused = await expectAppError(
      updateArticle(users.EDITOR, { ...(await fieldsOf(live)), sectionId: null, authorIds: [] }),
      "invalid",
    );
    expect(refused.message).toBe("This story is live, so it needs a section and at least one byline. Nothing was saved.");
    expect(refused.fieldErrors).toEqual({
      sectionId: ["A live story needs a section."],
      authorIds: ["A live story needs at least one byline."],
    });
    const after = (await getArticleForEdit(users.EDITOR, live.id))!;
    expect(after.version).toBe(live.version);
    expect(after.sectionId).toBe(bits.section.id);
    expect(after.authors.map((a) => a.authorId)).toEqual([bits.author.id]);
    // The same story saved with a new headline goes through.
    const saved = await updateArticle(users.EDITOR, { ...(await fieldsOf(live)), headline: "A better headline" });
    expect(saved.version).toBe(live.version + 1);
  });

  it("refuses a scheduled story's save that empties its body, which would fail at its time", async () => {
    const scheduled = await storyIn("SCHEDULED");
    const refused = await expectAppError(updateArticle(users.EDITOR, { ...(await fieldsOf(scheduled)), body: emptyBody() }), "invalid");
    expect(refused.fieldErrors).toEqual({ body: ["A scheduled story needs a body."] });
    // A draft may be emptied: it goes live only through the publish checks.
    const draft = await storyIn("DRAFT");
    await updateArticle(users.EDITOR, { ...(await fieldsOf(draft)), sectionId: null, authorIds: [], body: emptyBody() });
  });

  it("lets a live story keep what it already lacked: an imported story's photo without alt text does not stop a save", async () => {
    const image = await db.image.create({
      data: {
        storageKey: `k-${Math.random()}`,
        sha256: `s-${Math.random()}`,
        mimeType: "image/jpeg",
        width: 10,
        height: 10,
        bytes: 1,
        credit: "A. Photographer",
      },
    });
    const live = await storyIn("PUBLISHED");
    await db.articleImage.create({ data: { articleId: live.id, imageId: image.id, role: "HERO" } });
    const saved = await updateArticle(users.EDITOR, {
      ...(await fieldsOf(live)),
      hero: { imageId: image.id },
      headline: "Still without alt text",
    });
    expect(saved.version).toBe(live.version + 1);
  });
});

describe("what a story lacks, by field", () => {
  it("names the field of each need one field holds, and none for a photo's", () => {
    const bare = { headline: " ", slug: "", body: emptyBody(), sectionId: null, authors: [], images: [] };
    const zone = { facts: null, timeZone: "UTC" };
    const needs = publishProblems(bare, new Date(), zone);
    expect(needs.map(fieldOfNeed)).toEqual(["headline", "slug", "body", "sectionId", "authorIds"]);
    const photo = { role: "HERO" as const, altText: "", credit: "", agency: "", creditLine: "" };
    const image = { altText: "", credit: "", agency: "", creditLine: "", licenseExpiresAt: null };
    const lacking = publishProblems({ ...bare, images: [{ ...photo, image }] }, new Date(), zone).filter((need) => !needs.includes(need));
    expect(lacking).toEqual(["alt text for the hero photo", "a credit for the hero photo"]);
    expect(lacking.map(fieldOfNeed)).toEqual([null, null]);
  });
});

describe("a photo's license runs to the end of its date in the newsroom's zone", () => {
  it("lets a story whose photo is licensed until 5 December go live all that day where the newsroom is, and not from the midnight that ends it", () => {
    const licensed = { altText: "", credit: "", agency: "", creditLine: "", licenseExpiresAt: new Date("2026-12-05") };
    const hero = {
      role: "HERO" as const,
      altText: "Rescuers at the school.",
      credit: "Roman Pilipey",
      agency: "Getty Images",
      creditLine: "",
    };
    const story = {
      headline: "Rescuers reach the school",
      slug: "rescuers",
      body: bodyFromParagraphs(["“We heard them,” a rescuer said."]),
    };
    const ready = { ...story, sectionId: "section", authors: [{ authorId: "author" }] };
    const withPhoto = { ...ready, images: [{ ...hero, image: licensed }] };
    const at = (iso: string, timeZone: string) => publishProblems(withPhoto, new Date(iso), { facts: null, timeZone });
    const expired = ["a hero photo whose license has not expired"];
    // New York: 22:00 on the 4th (03:00 UTC on the 5th), 23:59 on the 5th, then midnight.
    expect(at("2026-12-05T03:00:00Z", "America/New_York")).toEqual([]);
    expect(at("2026-12-06T04:59:00Z", "America/New_York")).toEqual([]);
    expect(at("2026-12-06T05:00:00Z", "America/New_York")).toEqual(expired);
    // Kyiv: 23:59 on the 5th (21:59 UTC), then midnight.
    expect(at("2026-12-05T21:59:00Z", "Europe/Kyiv")).toEqual([]);
    expect(at("2026-12-05T22:00:00Z", "Europe/Kyiv")).toEqual(expired);
  });
});

describe("a writer's save after an editor moved the story on", () => {
  it("meets the conflict, with the story's status, not 'you cannot edit': the desk can then keep the text as a new draft (a probe's writer was stuck)", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id);
    const story = await createArticle(users.WRITER, input);
    const inReview = await transitionArticle(users.WRITER, { id: story.id, version: story.version, to: "IN_REVIEW" });
    await transitionArticle(users.EDITOR, { id: story.id, version: inReview.version, to: "PUBLISHED" });
    const refused = await expectAppError(
      updateArticle(users.WRITER, { ...input, dek: "Typed by the writer meanwhile.", id: story.id, version: inReview.version }),
      "conflict",
    );
    expect(refused.details).toMatchObject({ storyStatus: "PUBLISHED" });
    // Who saved, and when in the newsroom's time (it said "at 2026-12-08T04:16:05.880Z").
    const now = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    const { timeZone } = await readSiteSettings();
    expect(refused.message).toBe(
      `${users.EDITOR.name} saved this story on ${formatDateTime(now.updatedAt, timeZone)} while you were editing. Your changes were not saved.`,
    );
    // A save from the version it is now is still the editor's to make.
    await expectAppError(updateArticle(users.WRITER, { ...input, id: story.id, version: now.version }), "forbidden");
  });
});

describe("a save that changes nothing", () => {
  it("writes nothing: no new version, revision or audit entry (Save and Ctrl+S pressed again made versions 5 to 9, and another editor's save met a conflict over nothing)", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id);
    const story = await createArticle(users.WRITER, input);
    const revisions = () => db.revision.count({ where: { articleId: story.id } });
    const audits = () => db.auditEvent.count({ where: { entityId: story.id, action: "article.update" } });
    const [revisionsBefore, auditsBefore] = [await revisions(), await audits()];
    // The same fields again: nothing to save.
    const again = await updateArticle(users.WRITER, {
      ...input,
      tagIds: [...(input.tagIds ?? [])].reverse(),
      id: story.id,
      version: story.version,
    });
    expect(again.version).toBe(story.version);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).version).toBe(story.version);
    expect([await revisions(), await audits()]).toEqual([revisionsBefore, auditsBefore]);
    // An editor who had the story open saves from the same version without a conflict.
    const edited = await updateArticle(users.EDITOR, { ...input, dek: "The editor's dek.", id: story.id, version: story.version });
    expect(edited.version).toBe(story.version + 1);
    expect([await revisions(), await audits()]).toEqual([revisionsBefore + 1, auditsBefore + 1]);

    // A live story's material update is made, changed or not: readers see "Updated", partners hear of it.
    const review = await transitionArticle(users.EDITOR, { id: story.id, version: edited.version, to: "IN_REVIEW" });
    const live = await transitionArticle(users.EDITOR, { id: story.id, version: review.version, to: "PUBLISHED" });
    const fields = { ...input, dek: "The editor's dek.", id: story.id };
    const minor = await updateArticle(users.EDITOR, { ...fields, version: live.version, materialUpdate: false });
    expect(minor.version).toBe(live.version);
    const material = await updateArticle(users.EDITOR, { ...fields, version: live.version, materialUpdate: true });
    expect(material.version).toBe(live.version + 1);
  });
});
