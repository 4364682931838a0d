import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { makeWirePhoto, WIRE_PHOTO } from "../test/images";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { createImage } from "./ingest";
import { updateImageMetadata } from "./library";
import { LICENSE_EXPIRY_JOB, noticeExpiredLicenses } from "./license-expiry";
import { licenseRunsOutAt } from "./license";
import { readSiteSettings } from "../settings/queries";

const DAY = 24 * 60 * 60 * 1000;

describe("a live photo's license running out", () => {
  it("tells the editors once per live story showing it, once however many runs race (each photo is claimed in a transaction), and again after a new date", async () => {
    const editor = await makeUser("EDITOR");
    const writer = await makeUser("WRITER");
    const { section, author } = await makeNewsroomBits();
    const image = await createImage(editor, await makeWirePhoto(31), {}, "licensed.jpg");
    // A date, kept as that day's UTC midnight, as the library's date field sends it.
    const expires = new Date(new Date(Date.now() + DAY).toISOString().slice(0, 10));
    const { timeZone } = await readSiteSettings();
    const runsOut = licenseRunsOutAt(expires, timeZone);
    const details = {
      caption: WIRE_PHOTO.caption,
      credit: "Roman Pilipey",
      agency: "Getty Images",
      altText: "A street.",
      license: "Editorial use only",
      licenseExpiresAt: expires.toISOString(),
    };
    await updateImageMetadata(editor, { id: image.id, ...details });
    // The date's own job runs a second after the date ends in the newsroom's zone.
    const job = await db.job.findFirstOrThrow({ where: { kind: LICENSE_EXPIRY_JOB, key: { startsWith: `${image.id}@` } } });
    expect(job.runAt).toEqual(new Date(runsOut.getTime() + 1000));
    const hero = { imageId: image.id, caption: "", credit: "", agency: "", altText: "", creditLine: "" };
    const live = await createArticle(editor, readyArticleInput(section.id, author.id, { hero }));
    await transitionArticle(editor, { id: live.id, version: live.version, to: "PUBLISHED" });
    const draft = await createArticle(writer, readyArticleInput(section.id, author.id, { hero }));
    const told = (articleId: string, userId: string) =>
      db.notification.findMany({ where: { articleId, userId, kind: "PHOTO_LICENSE_EXPIRED" }, select: { note: true } });

    // Before the date ends in the newsroom's zone: nothing, on the date itself too.
    await noticeExpiredLicenses(new Date(expires.getTime() + 1000));
    await noticeExpiredLicenses(new Date(runsOut.getTime() - 1000));
    expect(await told(live.id, editor.id)).toEqual([]);

    // After it, two runs at once: each editor hears once, of the live story only; the writer of a draft not at all.
    const after = new Date(runsOut.getTime() + 1000);
    const stamped = (await db.image.findUniqueOrThrow({ where: { id: image.id } })).updatedAt;
    await Promise.all([noticeExpiredLicenses(after), noticeExpiredLicenses(after)]);
    // The notice is no change to the photo (a WordPress re-import would take it for the desk's).
    expect((await db.image.findUniqueOrThrow({ where: { id: image.id } })).updatedAt).toEqual(stamped);
    const notes = await told(live.id, editor.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.note).toMatch(
      /^The license \(Editorial use only\) of the photo credited “Roman Pilipey\/Getty Images” ran out at the end of /,
    );
    // The date as it was typed (a date, stored as that day's UTC midnight), whatever the newsroom's zone.
    expect(notes[0]!.note).toContain(`ran out at the end of ${expires.getUTCDate()} `);
    expect(notes[0]!.note).toContain("this live story still shows it");
    expect(await db.notification.count({ where: { articleId: draft.id, kind: "PHOTO_LICENSE_EXPIRED" } })).toBe(0);
    expect(await db.notification.count({ where: { userId: writer.id, kind: "PHOTO_LICENSE_EXPIRED" } })).toBe(0);
    await noticeExpiredLicenses(new Date(after.getTime() + DAY));
    expect(await told(live.id, editor.id)).toHaveLength(1);

    // A renewed license is watched again; other edits do not repeat the notice.
    await updateImageMetadata(editor, { id: image.id, ...details, caption: `${details.caption} More.` });
    await noticeExpiredLicenses(new Date(after.getTime() + DAY));
    expect(await told(live.id, editor.id)).toHaveLength(1);
    const renewed = new Date(expires.getTime() + 30 * DAY);
    await updateImageMetadata(editor, { id: image.id, ...details, licenseExpiresAt: renewed.toISOString() });
    await noticeExpiredLicenses(new Date(after.getTime() + DAY));
    expect(await told(live.id, editor.id)).toHaveLength(1);
    await noticeExpiredLicenses(new Date(licenseRunsOutAt(renewed, timeZone).getTime() + 1000));
    expect(await told(live.id, editor.id)).toHaveLength(2);
  });
});
