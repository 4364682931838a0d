import { describe, expect, it } from "vitest";
import { createArticleSchema } from "./schema";
import { incomingLanguage, ownLanguage, storyLanguage } from "./language";
import { bodyFromParagraphs } from "./body";
import { invalidInput } from "../errors";
import { LANGUAGE_MESSAGE } from "../settings/language";
import { comparableFields, snapshotForCompare, STORY_FIELD_LABELS } from "./compare";
import { mergeStoryFields, sameField } from "./merge";
import { storyFields } from "../test/story-fields";
import type { ArticleSnapshot } from "./snapshot";

const base = { headline: "Y fferi yn ailddechrau", slug: "fferi", body: bodyFromParagraphs(["Text."]) };
const parse = (language: string | null | undefined) => createArticleSchema.parse({ ...base, language }).language;
const names = { sections: {}, authors: {}, tags: {}, photos: {} };

describe("a story's own language", () => {
  it("is stored in its canonical form, and empty or left out is the site's (null)", () => {
    expect(parse("CY")).toBe("cy");
    expect(parse(" nn-no ")).toBe("nn-NO");
    expect(parse("iw")).toBe("he");
    expect(parse("")).toBeNull();
    expect(parse("   ")).toBeNull();
    expect(parse(null)).toBeNull();
    expect(parse(undefined)).toBeUndefined();
  });

  it("refuses what is not a language tag with the settings' message, at the field", () => {
    for (const typed of ["Norwegian", "Welsh language", "und", "x".repeat(40)]) {
      const result = createArticleSchema.safeParse({ ...base, language: typed });
      expect(result.success).toBe(false);
      expect(invalidInput(result.error!).fieldErrors?.language).toEqual([LANGUAGE_MESSAGE]);
    }
  });

  it("is the one readers are told, else the site's", () => {
    expect(storyLanguage({ language: "cy" }, { language: "en" })).toBe("cy");
    expect(storyLanguage({ language: null }, { language: "en" })).toBe("en");
    // A stored tag no longer taken (written around the schema) falls back to the site's.
    expect(storyLanguage({ language: "not a tag" }, { language: "nb" })).toBe("nb");
    expect(ownLanguage({ language: "cy" }, "en")).toBe("cy");
    expect(ownLanguage({ language: "en" }, "en")).toBeUndefined();
    expect(ownLanguage({ language: null }, "en")).toBeUndefined();
  });

  it("shows in diffs as saved, and an older revision without one is in the site's language", () => {
    const label = STORY_FIELD_LABELS.language;
    expect(label).toBe("Language");
    expect(comparableFields(storyFields({ language: "CY" }), names)[label]).toBe("cy");
    expect(comparableFields(storyFields({ language: "" }), names)[label]).toBe("");
    const old = { ...storyFields(), authors: [], tags: [], images: [], seoTitle: null, seoDescription: null, canonicalUrl: null };
    delete (old as Record<string, unknown>).language;
    expect(snapshotForCompare(old as unknown as ArticleSnapshot).language).toBe("");
  });

  it("merges like any field: 'CY' and 'cy' are the same change, and their language is kept when only they set it", () => {
    expect(sameField("language", "CY", "cy")).toBe(true);
    expect(sameField("language", "", "cy")).toBe(false);
    const theirs = mergeStoryFields(storyFields(), storyFields({ language: "cy" }), storyFields({ headline: "Mine" }));
    expect(theirs.fields.language).toBe("cy");
    expect(theirs.changes.language).toBe("theirs");
    const same = mergeStoryFields(storyFields(), storyFields({ language: "cy" }), storyFields({ language: "CY" }));
    expect(same.changes.language).toBe("same");
  });
});

describe("an incoming text's language (a wire item's)", () => {
  it("is the story's own when it is another language or script than the site's, and not for another region", () => {
    expect(incomingLanguage("CY", "en")).toBe("cy");
    expect(incomingLanguage("en", "en-GB")).toBeNull();
    expect(incomingLanguage("en-US", "en")).toBeNull();
    expect(incomingLanguage("nb", "nn")).toBe("nb");
    expect(incomingLanguage("no", "nb")).toBeNull();
    expect(incomingLanguage("nb-NO", "no")).toBeNull();
    expect(incomingLanguage("nn", "no")).toBe("nn");
    expect(incomingLanguage("zh-Hant", "zh-Hans")).toBe("zh-Hant");
    expect(incomingLanguage("zh", "zh-Hans")).toBeNull();
    expect(incomingLanguage("sr-Latn", "sr")).toBe("sr-Latn");
    expect(incomingLanguage("", "en")).toBeNull();
    expect(incomingLanguage("English", "en")).toBeNull();
  });
});
