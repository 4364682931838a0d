import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { makeWirePhoto } from "../test/images";
import { createImage } from "../media/ingest";
import { updateImageMetadata } from "../media/library";
import { listAuditLog } from "./queries";

let editor: Viewer;
let other: Viewer;
let writer: Viewer;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  other = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
});

describe("the audit log, filtered", () => {
  it("tells one story's events in sentences, by story and by person, newest first", async () => {
    const { section, author } = await makeNewsroomBits(editor.id);
    const input = readyArticleInput(section.id, author.id);
    const story = await createArticle(editor, input);
    await transitionArticle(other, { id: story.id, version: story.version, to: "PUBLISHED" });

    const byStory = await listAuditLog(editor, { story: story.id }, "UTC");
    expect(byStory.entries.map((e) => e.sentence.replace(/ at \d{2}:\d{2}$/, ""))).toEqual([
      `${other.name} published ‘${input.headline}’`,
      `${editor.name} created ‘${input.headline}’`,
    ]);
    expect(byStory.total).toBe(2);

    const byHeadline = await listAuditLog(editor, { q: input.headline, actor: other.id }, "UTC");
    expect(byHeadline.entries.map((e) => e.action)).toEqual(["article.published"]);
    expect((await listAuditLog(editor, { story: story.id, actor: writer.id }, "UTC")).entries).toEqual([]);
  });

  it("finds a story's events by a headline's curly quotes typed straight, and by a % only as itself", async () => {
    const { section, author } = await makeNewsroomBits();
    const id = uid();
    const curly = await createArticle(editor, readyArticleInput(section.id, author.id, { headline: `“We stay” ${id}` }));
    const percent = await createArticle(editor, readyArticleInput(section.id, author.id, { headline: `Rates up 2% ${id}` }));
    const stories = async (q: string) =>
      [...new Set((await listAuditLog(editor, { q, actor: editor.id }, "UTC")).entries.map((e) => e.story?.id))].sort();
    expect(await stories(`"We stay" ${id}`)).toEqual([curly.id]);
    expect(await stories(`2% ${id}`)).toEqual([percent.id]);
    expect(await stories(`% ${id}`)).toEqual([percent.id]);
  });

  it("names a photo as the desk does: its caption, else its file's name, else 'Untitled photo'", async () => {
    const photographer = await makeUser("EDITOR");
    const bare = await createImage(photographer, await makeWirePhoto(141), {});
    const details = { caption: "", credit: "", agency: "", altText: "Rubble." };
    await updateImageMetadata(photographer, { id: bare.id, ...details });
    const named = await createImage(photographer, await makeWirePhoto(142), {}, "IMG_0042.jpg");
    await updateImageMetadata(photographer, { id: named.id, ...details });
    const sentences = (await listAuditLog(editor, { actor: photographer.id }, "UTC")).entries
      .filter((e) => e.action === "image.update")
      .map((e) => e.sentence.replace(/ at \d{2}:\d{2}$/, "").replace(/ \(.*\)$/, ""));
    expect(sentences).toEqual([
      `${photographer.name} edited the details of the photo ‘IMG_0042.jpg’`,
      `${photographer.name} edited the details of the photo ‘Untitled photo’`,
    ]);
  });

  it("is for editors and admins only", async () => {
    await expectAppError(listAuditLog(writer, {}, "UTC"), "forbidden");
  });
});
