import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { createArticle, transitionArticle } from "../articles/mutations/index";
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

  it("is for editors and admins only", async () => {
    await expectAppError(listAuditLog(writer, {}, "UTC"), "forbidden");
  });
});
