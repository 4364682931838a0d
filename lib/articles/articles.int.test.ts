import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { addCorrection, createArticle, transitionArticle, updateArticle } from "./mutations";
import { getPublishedArticleBySlug, listPublishedArticles, resolveRedirect } from "./queries";
import { getArticleForEdit } from "../test/factories";
import { bodyFromParagraphs } from "./body";
import { compareNames } from "./revisions";

let editor: Viewer;
let writer: Viewer;
let otherWriter: Viewer;
let otherEditor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  otherWriter = await makeUser("WRITER");
  otherEditor = await makeUser("EDITOR");
  bits = await makeNewsroomBits(writer.id);
});

describe("creating and reading stories", () => {
  it("creates a draft with its sources, bylines, a revision and an audit event in one go", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id);
    const saved = await createArticle(writer, input);
    const loaded = await getArticleForEdit(writer, saved.id);
    expect(loaded?.headline).toBe(input.headline);
    expect(loaded?.status).toBe("DRAFT");
    expect(loaded?.sources.map((s) => s.url)).toEqual([input.sources![0]!.url]);
    expect(loaded?.authors.map((a) => a.authorId)).toEqual([bits.author.id]);
    expect(await db.revision.count({ where: { articleId: saved.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: saved.id, action: "article.create" } })).toBe(1);
  });

  it("refuses a second story with the same slug, at the slug field", async () => {
    const input = readyArticleInput(bits.section.id, bits.author.id);
    await createArticle(writer, input);
    const error = await expectAppError(createArticle(editor, { ...input, headline: "Another" }), "conflict");
    expect(error.fieldErrors?.slug).toEqual(["Another story already has this slug."]);
  });

  it("refuses invalid input with messages at the fields and writes nothing", async () => {
    const before = await db.article.count();
    const error = await expectAppError(
      createArticle(writer, { headline: "", slug: "ok-slug", body: bodyFromParagraphs(["x"]) }),
      "invalid",
    );
    expect(error.fieldErrors?.headline).toEqual(["Write a headline."]);
    expect(await db.article.count()).toBe(before);
  });

  it("keeps drafts, stories in review and unpublished stories off the public pages", async () => {
    const draft = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    expect(await getPublishedArticleBySlug(draft.slug)).toBeNull();
    const live = await transitionArticle(editor, { id: draft.id, version: draft.version, to: "PUBLISHED" });
    expect((await getPublishedArticleBySlug(draft.slug))?.headline).toMatch(/^Test story/);
    expect((await listPublishedArticles({ limit: 100 })).some((a) => a.id === draft.id)).toBe(true);
    await transitionArticle(editor, { id: draft.id, version: live.version, to: "UNPUBLISHED", reason: "Legal review" });
    expect(await getPublishedArticleBySlug(draft.slug)).toBeNull();
  });
});

describe("saving with a version", () => {
  it("updates a story and bumps its version", async () => {
    const saved = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    const input = { ...readyArticleInput(bits.section.id, bits.author.id), slug: saved.slug, headline: "Changed headline" };
    const updated = await updateArticle(writer, { ...input, id: saved.id, version: saved.version });
    expect(updated.version).toBe(saved.version + 1);
    expect((await getArticleForEdit(writer, saved.id))?.headline).toBe("Changed headline");
  });

  it("refuses a stale save with a conflict naming who saved in between, and keeps their text", async () => {
    const saved = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    const input = { ...readyArticleInput(bits.section.id, bits.author.id), slug: saved.slug };
    await updateArticle(editor, { ...input, headline: "Editor's version", id: saved.id, version: saved.version });
    const error = await expectAppError(
      updateArticle(writer, { ...input, headline: "Writer's version", id: saved.id, version: saved.version }),
      "conflict",
    );
    expect(error.details?.savedBy).toBe(editor.name);
    expect((await getArticleForEdit(editor, saved.id))?.headline).toBe("Editor's version");
  });

  it("takes a save sent again after its answer was lost onto the version it made, and nothing else (it conflicted with itself)", async () => {
    const saved = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const input = { ...readyArticleInput(bits.section.id, bits.author.id), slug: saved.slug, id: saved.id };
    // Stored, but the answer never reached the desk: the desk still holds saved.version.
    await updateArticle(editor, { ...input, headline: "First try", version: saved.version, saveId: "lost-save-1" });
    // Without naming the lost save, the old conflict; naming it, the save goes onto it.
    await expectAppError(updateArticle(editor, { ...input, headline: "Second", version: saved.version }), "conflict");
    const next = await updateArticle(editor, {
      ...input,
      headline: "Second",
      version: saved.version,
      saveId: "save-2-ok",
      after: ["lost-save-1"],
    });
    expect(next.version).toBe(saved.version + 2);
    expect((await getArticleForEdit(editor, saved.id))?.headline).toBe("Second");
    // Someone else's save since the lost one: still a conflict, naming them.
    await updateArticle(editor, { ...input, headline: "Third", version: next.version, saveId: "lost-save-3" });
    await updateArticle(otherEditor, { ...input, headline: "A colleague's", version: next.version + 1 });
    const error = await expectAppError(
      updateArticle(editor, { ...input, headline: "Mine", version: next.version, saveId: "save-4-xx", after: ["lost-save-3"] }),
      "conflict",
    );
    expect(error.details?.savedBy).toBe(otherEditor.name);
    // A move in between (it names no save) too: the desk must hear of it.
    const current = (await getArticleForEdit(editor, saved.id))!.version;
    await updateArticle(editor, { ...input, headline: "Fifth", version: current, saveId: "lost-save-5" });
    await transitionArticle(editor, { id: saved.id, version: current + 1, to: "IN_REVIEW" });
    await expectAppError(
      updateArticle(editor, { ...input, headline: "Sixth", version: current, saveId: "save-6-xx", after: ["lost-save-5"] }),
      "conflict",
    );
    // Another person cannot ride on an editor's lost save.
    const again = (await getArticleForEdit(editor, saved.id))!.version;
    await updateArticle(editor, { ...input, headline: "Seventh", version: again, saveId: "lost-save-7" });
    await expectAppError(
      updateArticle(otherEditor, { ...input, headline: "Eighth", version: again, saveId: "save-8-xx", after: ["lost-save-7"] }),
      "conflict",
    );
  });

  it("lets a writer edit only their own drafts", async () => {
    const saved = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    const input = { ...readyArticleInput(bits.section.id, bits.author.id), slug: saved.slug, id: saved.id, version: saved.version };
    await expectAppError(updateArticle(otherWriter, input), "not_found");
    const live = await transitionArticle(editor, { id: saved.id, version: saved.version, to: "PUBLISHED" });
    await expectAppError(updateArticle(writer, { ...input, version: live.version }), "forbidden");
  });
});

describe("workflow", () => {
  it("refuses to publish a story that lacks a section and a byline, listing what is missing", async () => {
    const saved = await createArticle(editor, { ...readyArticleInput(bits.section.id, bits.author.id), sectionId: null, authorIds: [] });
    const error = await expectAppError(transitionArticle(editor, { id: saved.id, version: saved.version, to: "PUBLISHED" }), "invalid");
    expect(error.message).toMatch(/a section/);
    expect(error.message).toMatch(/at least one byline/);
  });

  it("does not let a writer publish", async () => {
    const saved = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id));
    await expectAppError(transitionArticle(writer, { id: saved.id, version: saved.version, to: "PUBLISHED" }), "forbidden");
    const submitted = await transitionArticle(writer, { id: saved.id, version: saved.version, to: "IN_REVIEW" });
    expect(submitted.version).toBe(saved.version + 1);
  });

  it("answers an old slug of a published story with its new address", async () => {
    const saved = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const live = await transitionArticle(editor, { id: saved.id, version: saved.version, to: "PUBLISHED" });
    const newSlug = `renamed-${uid()}`;
    await updateArticle(editor, {
      ...readyArticleInput(bits.section.id, bits.author.id),
      slug: newSlug,
      id: saved.id,
      version: live.version,
    });
    expect(await resolveRedirect(saved.slug)).toBe(`/${bits.section.slug}/${newSlug}`);
    const taken = await expectAppError(
      createArticle(editor, { ...readyArticleInput(bits.section.id, bits.author.id), slug: saved.slug }),
      "conflict",
    );
    expect(taken.fieldErrors?.slug?.[0]).toMatch(/redirects/);
  });

  it("records a correction with its revision and moves the public updated time", async () => {
    const saved = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const published = new Date(Date.now() - 3_600_000);
    const live = await transitionArticle(editor, { id: saved.id, version: saved.version, to: "PUBLISHED" }, published);
    await addCorrection(editor, {
      articleId: saved.id,
      version: live.version,
      kind: "CORRECTION",
      text: "An earlier version misspelled a name.",
    });
    const article = await getPublishedArticleBySlug(saved.slug);
    expect(article?.corrections.map((c) => c.text)).toEqual(["An earlier version misspelled a name."]);
    expect(article!.updatedAt!.getTime()).toBeGreaterThan(published.getTime());
    const correction = await db.correction.findFirst({ where: { articleId: saved.id }, select: { revisionId: true } });
    expect(correction?.revisionId).toBeTruthy();
  });
});

describe("names in revision diffs", () => {
  it("names sections, bylines, tags and photos, and tells apart two photos called alike so that a swap shows", async () => {
    const photo = (caption: string) =>
      db.image.create({
        data: { storageKey: `k-${uid()}`, sha256: `s-${uid()}`, mimeType: "image/jpeg", width: 10, height: 10, bytes: 1, caption },
      });
    const [first, second, alone] = await Promise.all([photo("Frame of a series."), photo("Frame of a series."), photo("Another frame.")]);
    const names = await compareNames([
      { sectionId: bits.section.id, authorIds: [bits.author.id], tagIds: [], hero: { imageId: first.id } },
      { sectionId: null, authorIds: ["gone"], tagIds: [], hero: { imageId: second.id } },
      { sectionId: null, authorIds: [], tagIds: [], hero: { imageId: alone.id } },
    ]);
    expect(names.sections[bits.section.id]).toBe(bits.section.name);
    expect(names.authors[bits.author.id]).toBe(bits.author.name);
    expect(names.authors["gone"]).toBeUndefined();
    expect(names.photos[alone.id]).toBe("Another frame.");
    expect(names.photos[first.id]).toMatch(/^Frame of a series\. \(added \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, #\w{6}\)$/);
    expect(names.photos[first.id]).not.toBe(names.photos[second.id]);
  });
});
