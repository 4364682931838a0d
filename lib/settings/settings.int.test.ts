import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { makeUser } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { readSiteSettings } from "./queries";
import { updateSettings } from "./mutations";
import { formatDateTime } from "../format/time";
import { SETTING_KEYS } from "./schema";

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: { in: [...SETTING_KEYS] } } });
});

describe("site settings", () => {
  it("come from the environment until an admin saves them, then from the database", async () => {
    const before = await readSiteSettings();
    expect(before).toMatchObject({ siteName: "The Dateline", timeZone: "Europe/London", language: "en", version: "" });
    const admin = await makeUser("ADMIN");
    const saved = await updateSettings(admin, {
      siteName: "  The Harbour Herald ",
      description: "News from the coast.",
      timeZone: "America/New_York",
      language: " es-mx ",
      version: "",
    });
    // The language tag is stored in its canonical form.
    expect(saved).toMatchObject({ siteName: "The Harbour Herald", timeZone: "America/New_York", language: "es-MX" });
    expect(await readSiteSettings()).toEqual(saved);
    expect(formatDateTime(new Date("2026-07-01T12:00:00Z"), saved.timeZone)).toMatch(/08:00 GMT-4/);
    const audit = await db.auditEvent.findFirst({ where: { action: "settings.update" }, orderBy: { createdAt: "desc" } });
    expect(audit?.data).toMatchObject({
      before: { siteName: "The Dateline", language: "en" },
      after: { siteName: "The Harbour Herald", language: "es-MX" },
    });
    // Any process reads the same from the database.
    expect(await readSiteSettings()).toEqual(saved);
  });

  it("refuse a save that started before someone else's, and change nothing", async () => {
    const admin = await makeUser("ADMIN");
    const current = await readSiteSettings();
    await updateSettings(admin, { ...current, siteName: "First" });
    const error = await expectAppError(updateSettings(admin, { ...current, siteName: "Second" }), "conflict");
    expect(error.message).toMatch(/Someone saved the settings/);
    expect((await readSiteSettings()).siteName).toBe("First");
  });

  it("say at the field what is wrong", async () => {
    const admin = await makeUser("ADMIN");
    const current = await readSiteSettings();
    const error = await expectAppError(
      updateSettings(admin, { ...current, siteName: " ", timeZone: "Mars/Olympus_Mons", language: "Norwegian" }),
      "invalid",
    );
    expect(error.fieldErrors?.siteName).toEqual(["Give the site a name."]);
    expect(error.fieldErrors?.timeZone).toEqual(["Choose a time zone from the list."]);
    expect(error.fieldErrors?.language).toEqual(["Enter a language tag such as en, nb or es-MX."]);
    const broken = await expectAppError(
      updateSettings(admin, { ...current, siteName: "Two\nlines", description: "Bell\u0007" }),
      "invalid",
    );
    expect(broken.fieldErrors?.siteName).toEqual(["The name cannot contain line breaks or control characters."]);
    expect(broken.fieldErrors?.description).toEqual(["The description cannot contain line breaks or control characters."]);
    expect(await readSiteSettings()).toEqual(current);
  });

  it("are for admins only", async () => {
    for (const role of ["EDITOR", "WRITER"] as const) {
      await expectAppError(updateSettings(await makeUser(role), { ...(await readSiteSettings()), siteName: "Mine" }), "forbidden");
    }
  });
});
