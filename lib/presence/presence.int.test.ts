import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { heartbeat, leave, listEditing, STALE_MS } from "./presence";

let ana: Viewer;
let ben: Viewer;
let outsider: Viewer;
let storyId: string;

beforeAll(async () => {
  ana = await makeUser("EDITOR");
  ben = await makeUser("EDITOR");
  outsider = await makeUser("WRITER");
  const bits = await makeNewsroomBits();
  storyId = (await createArticle(ana, readyArticleInput(bits.section.id, bits.author.id))).id;
});

describe("who has a story open", () => {
  it("shows each editor the other, since their first heartbeat, and forgets one who went quiet for 30 s", async () => {
    const t0 = new Date("2030-01-01T14:02:00Z");
    expect((await heartbeat(ana, storyId, t0)).others).toEqual([]);
    const seenByBen = (await heartbeat(ben, storyId, new Date(t0.getTime() + 5_000))).others;
    expect(seenByBen.map((e) => [e.name, e.since.toISOString()])).toEqual([[ana.name, t0.toISOString()]]);
    // Ana keeps beating: her "since" stays.
    await heartbeat(ana, storyId, new Date(t0.getTime() + 10_000));
    const later = new Date(t0.getTime() + 12_000);
    expect((await listEditing(storyId, ben.id, later))[0]?.since.toISOString()).toBe(t0.toISOString());
    // Ben stops; past the stale limit Ana no longer sees him.
    const stale = new Date(t0.getTime() + 5_000 + STALE_MS + 1);
    expect((await listEditing(storyId, ana.id, new Date(t0.getTime() + 5_000 + STALE_MS - 1))).map((e) => e.userId)).toEqual([ben.id]);
    expect(await listEditing(storyId, ana.id, stale)).toEqual([]);
    // Coming back after the gap starts a new "since".
    const back = new Date(t0.getTime() + 120_000);
    await heartbeat(ben, storyId, back);
    expect((await listEditing(storyId, ana.id, back))[0]?.since.toISOString()).toBe(back.toISOString());
  });

  it("drops an editor who closed the story at once", async () => {
    const now = new Date();
    await heartbeat(ana, storyId, now);
    await heartbeat(ben, storyId, now);
    await leave(ben, storyId);
    expect(await listEditing(storyId, ana.id, now)).toEqual([]);
  });

  it("refuses a heartbeat on a story the viewer cannot see", async () => {
    await expectAppError(heartbeat(outsider, storyId), "not_found");
    expect((await listEditing(storyId, null)).map((e) => e.userId)).not.toContain(outsider.id);
  });

  it("tells an open editor where the story is now: who saved it last, at which version, in which status", async () => {
    const bits = await makeNewsroomBits();
    const story = await createArticle(ana, readyArticleInput(bits.section.id, bits.author.id));
    expect((await heartbeat(ana, story.id)).story).toMatchObject({
      status: "DRAFT",
      version: story.version,
      savedByYou: true,
      savedBy: ana.name,
    });
    const moved = await transitionArticle(ben, { id: story.id, version: story.version, to: "PUBLISHED" });
    const seen = (await heartbeat(ana, story.id)).story;
    expect(seen).toMatchObject({ status: "PUBLISHED", version: moved.version, savedByYou: false, savedBy: ben.name });
    expect((await heartbeat(ben, story.id)).story.savedByYou).toBe(true);
  });
});
