import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, deleteArticle, transitionArticle } from "../articles/mutations/index";
import { utcToZonedLocal } from "../format/time";
import { applyDueFrontLayouts, cancelFrontLayout, saveFrontLayout, FRONT_SWITCH_JOB, FRONT_REFRESH_JOB } from "./mutations";
import { getFrontDesk, readLiveLayout, readPublicFront } from "./queries";
import type { SaveFrontLayoutInput } from "./schema";

const TZ = "Europe/London";
let editor: Viewer;
let writer: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  bits = await makeNewsroomBits(writer.id);
});

async function published(headline?: string) {
  const saved = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, headline ? { headline } : {}));
  const live = await transitionArticle(editor, { id: saved.id, version: saved.version, to: "PUBLISHED" });
  return {
    id: saved.id,
    version: live.version,
    headline: headline ?? (await db.article.findUniqueOrThrow({ where: { id: saved.id } })).headline,
  };
}

const slot = (s: { id: string; headline: string }) => ({ id: s.id, headline: s.headline });
const local = (ms: number) => utcToZonedLocal(new Date(Date.now() + ms), TZ) + ":00";

async function basedOn() {
  return (await readLiveLayout())?.id ?? "";
}

function input(over: Partial<SaveFrontLayoutInput["arrangement"]>, extra: Partial<SaveFrontLayoutInput> = {}): SaveFrontLayoutInput {
  return {
    basedOn: "",
    arrangement: { lead: null, pinned: [], sections: [], banner: { text: "", url: "", expiresLocal: "" }, ...over },
    ...extra,
  };
}

describe("arranging the front page", () => {
  it("puts a lead, pinned slots in order, section blocks and a banner live; readers see only published stories", async () => {
    const [a, b, c] = [await published(), await published(), await published()];
    const saved = await saveFrontLayout(
      editor,
      input(
        {
          lead: slot(a),
          pinned: [slot(c), slot(b)],
          sections: [{ sectionId: bits.section.id, count: 3 }],
          banner: { text: "Polls close at 10pm", url: "https://example.org/live", expiresLocal: local(3_600_000) },
        },
        { basedOn: await basedOn() },
      ),
      TZ,
    );
    expect(saved.goesLiveAt).toBeNull();
    const front = await readPublicFront();
    expect(front.lead?.id).toBe(a.id);
    expect(front.pinned.map((s) => s.id)).toEqual([c.id, b.id]);
    expect(front.sections).toEqual([{ sectionId: bits.section.id, count: 3 }]);
    expect(front.banner?.text).toBe("Polls close at 10pm");
    // The banner's coming down is a job: the front page is refreshed then.
    expect(await db.job.count({ where: { kind: FRONT_REFRESH_JOB, key: `banner:${saved.id}` } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "FrontLayout", entityId: saved.id, action: "front.arrange" } })).toBe(1);
  });

  it("drops the live banner when it came down while the desk was open, rather than refusing the save as 'already down'", async () => {
    const banner = { text: `Roads closed ${Date.now()}`, url: "", expiresLocal: local(120_000) };
    await saveFrontLayout(editor, input({ banner }, { basedOn: await basedOn() }), TZ);
    // Five minutes on, the editor (whose page still holds that banner) publishes another change.
    const later = new Date(Date.now() + 300_000);
    await saveFrontLayout(editor, input({ banner }, { basedOn: await basedOn() }), TZ, later);
    expect((await readLiveLayout())?.arrangement.banner).toMatchObject({ text: "", expiresAt: null });
    // A banner typed anew with a time past is still refused.
    const typed = await expectAppError(
      saveFrontLayout(editor, input({ banner: { ...banner, text: "Another" } }, { basedOn: await basedOn() }), TZ, later),
      "invalid",
    );
    expect(typed.fieldErrors?.["banner.expiresAt"]?.[0]).toMatch(/already be down/);
  });

  it("refuses a story in two slots, a draft, a banner link that is not http(s), a past expiry and too many stories in a block", async () => {
    const a = await published();
    const draft = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id));
    const base = await basedOn();
    const twice = await expectAppError(
      saveFrontLayout(editor, input({ lead: slot(a), pinned: [slot(a)] }, { basedOn: base }), TZ),
      "invalid",
    );
    expect(twice.fieldErrors?.pinned?.[0]).toMatch(/only one slot/);
    const notLive = await expectAppError(
      saveFrontLayout(editor, input({ lead: { id: draft.id, headline: "x" } }, { basedOn: base }), TZ),
      "invalid",
    );
    expect(notLive.fieldErrors?.lead?.[0]).toMatch(/not published or scheduled/);
    const js = await expectAppError(
      saveFrontLayout(
        editor,
        input({ banner: { text: "Breaking", url: "javascript:alert(1)", expiresLocal: local(3_600_000) } }, { basedOn: base }),
        TZ,
      ),
      "invalid",
    );
    expect(js.fieldErrors?.["banner.url"]?.[0]).toMatch(/http/);
    const past = await expectAppError(
      saveFrontLayout(editor, input({ banner: { text: "Old news", url: "", expiresLocal: local(-3_600_000) } }, { basedOn: base }), TZ),
      "invalid",
    );
    expect(past.fieldErrors?.["banner.expiresAt"]?.[0]).toMatch(/already be down/);
    const many = await expectAppError(
      saveFrontLayout(editor, input({ sections: [{ sectionId: bits.section.id, count: 40 }] }, { basedOn: base }), TZ),
      "invalid",
    );
    expect(many.fieldErrors?.["sections.0.count"]?.[0]).toMatch(/at most 12/);
    expect(await basedOn()).toBe(base);
  });

  it("refuses a save over another editor's newer arrangement, and a writer's save", async () => {
    const a = await published();
    const stale = await basedOn();
    await saveFrontLayout(editor, input({ lead: slot(a) }, { basedOn: stale }), TZ);
    await expectAppError(saveFrontLayout(editor, input({}, { basedOn: stale }), TZ), "conflict");
    await expectAppError(saveFrontLayout(writer, input({}, { basedOn: await basedOn() }), TZ), "forbidden");
    expect((await readPublicFront()).lead?.id).toBe(a.id);
  });

  it("drops an unpublished story out of its slot, and the desk says so; a deleted one too", async () => {
    const [a, b] = [await published("Lead that will be pulled"), await published()];
    const scheduledDraft = await createArticle(
      editor,
      readyArticleInput(bits.section.id, bits.author.id, { headline: "Deleted before it ran" }),
    );
    const sched = await transitionArticle(editor, {
      id: scheduledDraft.id,
      version: scheduledDraft.version,
      to: "SCHEDULED",
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
    await saveFrontLayout(
      editor,
      input({ lead: slot(a), pinned: [slot(b), { id: sched.id, headline: "Deleted before it ran" }] }, { basedOn: await basedOn() }),
      TZ,
    );
    await transitionArticle(editor, { id: a.id, version: a.version, to: "UNPUBLISHED", reason: "Legal hold" });
    const back = await transitionArticle(editor, { id: sched.id, version: sched.version, to: "DRAFT", reason: "Not yet" });
    await deleteArticle(editor, { id: sched.id, version: back.version });

    const front = await readPublicFront();
    expect(front.lead).toBeNull();
    expect(front.pinned.map((s) => s.id)).toEqual([b.id]);
    const desk = await getFrontDesk();
    expect(desk.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ headline: "Lead that will be pulled", reason: "unpublished", slot: "the lead", layout: "live" }),
        expect.objectContaining({ headline: "Deleted before it ran", reason: "deleted", slot: "pinned slot 2", layout: "live" }),
      ]),
    );
  });

  it("switches to a scheduled arrangement at its time, once, and a cancelled one never goes live", async () => {
    const [now, later] = [await published(), await published()];
    await saveFrontLayout(editor, input({ lead: slot(now) }, { basedOn: await basedOn() }), TZ);
    await expectAppError(saveFrontLayout(editor, input({ lead: slot(later) }, { goesLiveLocal: local(-120_000) }), TZ), "invalid");
    const scheduled = await saveFrontLayout(editor, input({ lead: slot(later) }, { goesLiveLocal: local(2 * 3_600_000) }), TZ);
    const cancelled = await saveFrontLayout(editor, input({ lead: slot(now) }, { goesLiveLocal: local(3 * 3_600_000) }), TZ);
    expect(await db.job.count({ where: { kind: FRONT_SWITCH_JOB, key: scheduled.id } })).toBe(1);
    await cancelFrontLayout(editor, { id: cancelled.id });
    expect((await readPublicFront()).lead?.id).toBe(now.id);

    const due = new Date(Date.now() + 4 * 3_600_000);
    expect(await applyDueFrontLayouts(new Date())).toBe(0);
    const [x, y] = await Promise.all([applyDueFrontLayouts(due), applyDueFrontLayouts(due)]);
    expect(x + y).toBe(1);
    expect((await readPublicFront()).lead?.id).toBe(later.id);
    expect(await db.frontLayout.count({ where: { state: "LIVE" } })).toBe(1);
    expect((await db.frontLayout.findUniqueOrThrow({ where: { id: cancelled.id } })).state).toBe("CANCELLED");
    await expectAppError(cancelFrontLayout(editor, { id: scheduled.id }), "not_found");
  });
});
