import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { addCorrection, createArticle, transitionArticle } from "../articles/mutations/index";
import { publishDueArticles } from "../articles/scheduler";
import { openReturnNotes } from "../articles/return-note";
import { countUnreadNotifications, listNotifications } from "./queries";
import { markNotificationsRead } from "./mutations";

let writer: Viewer;
let coWriter: Viewer;
let editor: Viewer;
let admin: Viewer;
let bystander: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;
let coByline: string;

beforeAll(async () => {
  writer = await makeUser("WRITER");
  coWriter = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  admin = await makeUser("ADMIN");
  bystander = await makeUser("WRITER");
  bits = await makeNewsroomBits(writer.id);
  coByline = (await db.author.create({ data: { name: "Co Writer", slug: `co-writer-${coWriter.id}`, userId: coWriter.id } })).id;
});

const kinds = async (v: Viewer, articleId: string) =>
  (await listNotifications(v)).filter((n) => n.articleId === articleId).map((n) => n.kind);

describe("desk notifications", () => {
  it("tells the editors of a submission, the writers of a return (with its note), a schedule, a publish and a correction; never the one who acted", async () => {
    let story = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id, { authorIds: [bits.author.id, coByline] }));
    story = await transitionArticle(writer, { id: story.id, version: story.version, to: "IN_REVIEW" });
    expect(await kinds(editor, story.id)).toEqual(["SUBMITTED"]);
    expect(await kinds(admin, story.id)).toEqual(["SUBMITTED"]);
    expect(await kinds(writer, story.id)).toEqual([]);

    // A return without a note is refused, and nothing moves.
    const refused = await expectAppError(transitionArticle(editor, { id: story.id, version: story.version, to: "DRAFT" }), "invalid");
    expect(refused.fieldErrors?.reason?.[0]).toMatch(/note for the writer/);
    expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("IN_REVIEW");

    story = await transitionArticle(editor, {
      id: story.id,
      version: story.version,
      to: "DRAFT",
      reason: "Needs a second source for the quote.",
    });
    expect(await kinds(writer, story.id)).toEqual(["RETURNED"]);
    expect(await kinds(coWriter, story.id)).toEqual(["RETURNED"]);
    expect((await listNotifications(writer))[0]?.note).toBe("Needs a second source for the quote.");
    expect((await openReturnNotes([story.id])).get(story.id)?.text).toBe("Needs a second source for the quote.");

    // Resubmitting clears the note.
    story = await transitionArticle(writer, { id: story.id, version: story.version, to: "IN_REVIEW" });
    expect((await openReturnNotes([story.id])).has(story.id)).toBe(false);

    story = await transitionArticle(editor, {
      id: story.id,
      version: story.version,
      to: "SCHEDULED",
      scheduledFor: new Date(Date.now() + 60_000),
    });
    await publishDueArticles(new Date(Date.now() + 120_000));
    const version = (await db.article.findUniqueOrThrow({ where: { id: story.id } })).version;
    await addCorrection(editor, { articleId: story.id, version, kind: "CORRECTION", text: "An earlier version misspelled a name." });

    expect(await kinds(writer, story.id)).toEqual(["CORRECTED", "PUBLISHED", "SCHEDULED", "RETURNED"]);
    expect(await kinds(coWriter, story.id)).toEqual(["CORRECTED", "PUBLISHED", "SCHEDULED", "RETURNED"]);
    expect((await listNotifications(writer)).find((n) => n.kind === "PUBLISHED")?.actorName).toBeNull();
    expect(await kinds(editor, story.id)).toEqual(["SUBMITTED", "SUBMITTED"]);
    expect(await kinds(bystander, story.id)).toEqual([]);
  });

  it("counts unread, and marks read only the viewer's own", async () => {
    const before = await countUnreadNotifications(writer);
    expect(before).toBeGreaterThan(0);
    const mine = (await listNotifications(writer))[0]!;
    // Another user's ids mark nothing of the writer's.
    expect((await markNotificationsRead(bystander, { ids: [mine.id] })).marked).toBe(0);
    expect(await countUnreadNotifications(writer)).toBe(before);
    expect((await markNotificationsRead(writer, { ids: [mine.id] })).marked).toBe(1);
    expect(await countUnreadNotifications(writer)).toBe(before - 1);
    await markNotificationsRead(writer, { all: true });
    expect(await countUnreadNotifications(writer)).toBe(0);
    expect(await countUnreadNotifications(coWriter)).toBeGreaterThan(0);
  });
});
