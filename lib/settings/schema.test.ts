import { describe, expect, it } from "vitest";
import { timeZoneNames, updateSettingsSchema } from "./schema";
import { languageName, newsSitemapLanguage, openGraphLocale } from "./language";

describe("timeZoneNames", () => {
  // Node 20 lists Europe/Kiev and Asia/Calcutta, and accepts Europe/Kyiv and Asia/Kolkata: a menu
  // without the zone in use showed UTC, and saving the settings for the site's name stored UTC.
  it.each(["Europe/Kyiv", "Asia/Kolkata", "Asia/Kathmandu", "Europe/London", "UTC"])("offers the zone in use, %s, once", (zone) => {
    const names = timeZoneNames(zone);
    expect(names.filter((n) => n === zone)).toEqual([zone]);
    expect(names[0]).toBe("UTC");
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("the language of stories", () => {
  const parse = (language: string) => updateSettingsSchema.safeParse({ siteName: "Herald", timeZone: "UTC", language, version: "" });

  it.each([
    ["nb-no", "nb-NO"],
    [" es-mx ", "es-MX"],
    ["EN", "en"],
    ["sr-latn-rs", "sr-Latn-RS"],
    ["zh-hant", "zh-Hant"],
    // A deprecated tag becomes the one in use.
    ["iw", "he"],
  ])("stores %j as %j", (typed, stored) => {
    const result = parse(typed);
    expect(result.success && result.data.language).toBe(stored);
  });

  it.each(["", "  ", "Norwegian", "en_US", "nb NO", "x-private", "e", "a".repeat(40), "und", "und-NO", "Welsh", "German"])(
    "refuses %j at the field, saying what it wants",
    (typed) => {
      const result = parse(typed);
      expect(result.success).toBe(false);
      expect(!result.success && result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["language", "Enter a language tag such as en, nb or es-MX."],
      ]);
    },
  );

  it("names the language in English, and says nothing for a tag it has no name for", () => {
    expect(languageName("nb-no")).toBe("Norwegian Bokmål (Norway)");
    expect(languageName("es")).toBe("Spanish");
    expect(languageName("qaa")).toBeNull();
    expect(languageName("not a tag")).toBeNull();
  });

  it.each([
    ["en", "en"],
    ["nb-NO", "nb"],
    ["es-MX", "es"],
    ["sr-Latn-RS", "sr"],
    ["haw", "haw"],
    ["zh", "zh-cn"],
    ["zh-Hans", "zh-cn"],
    ["zh-SG", "zh-cn"],
    ["zh-TW", "zh-tw"],
    ["zh-HK", "zh-tw"],
    ["zh-Hant", "zh-tw"],
  ])("names %s in a Google News sitemap as %s", (tag, code) => {
    expect(newsSitemapLanguage(tag)).toBe(code);
  });

  it.each([
    ["en", "en_US"],
    ["nb", "nb_NO"],
    ["nb-NO", "nb_NO"],
    ["es-MX", "es_MX"],
    ["pt-BR", "pt_BR"],
    ["zh-Hant", "zh_TW"],
    ["es-419", "es_ES"],
    ["en-001", "en_US"],
  ])("names %s for Open Graph as %s", (tag, locale) => {
    expect(openGraphLocale(tag)).toBe(locale);
  });
});
