import { describe, expect, it } from "vitest";
import { storyFields as story } from "../test/story-fields";
import { comparableFields, type CompareNames } from "./compare";

const names: CompareNames = {
  sections: { s1: "World" },
  authors: { a1: "Maria Okonkwo", a2: "Daniel Reyes" },
  tags: { t1: "Flooding", t2: "Elections" },
  photos: { p1: "bridge.jpg" },
};

describe("comparableFields", () => {
  it("names the section, the bylines in their order and the tags in alphabetical order", () => {
    const fields = comparableFields(story(), names);
    expect(fields.Section).toBe("World");
    expect(fields.Bylines).toBe("Maria Okonkwo\nDaniel Reyes");
    expect(fields.Tags).toBe("Elections\nFlooding");
  });

  it("does not see a change in the order tags were stored in, but does in the bylines' order", () => {
    expect(comparableFields(story({ tagIds: ["t2", "t1"] }), names).Tags).toBe(comparableFields(story(), names).Tags);
    expect(comparableFields(story({ authorIds: ["a2", "a1"] }), names).Bylines).not.toBe(comparableFields(story(), names).Bylines);
  });

  it("says what was deleted rather than showing an id", () => {
    const fields = comparableFields(
      story({
        sectionId: "gone",
        tagIds: ["t1", "gone"],
        hero: { imageId: "gone", caption: "", credit: "", agency: "", creditLine: "", altText: "" },
      }),
      names,
    );
    expect(fields.Section).toBe("a deleted section (#gone)");
    expect(fields.Tags).toBe("a deleted tag (#gone)\nFlooding");
    expect(fields["Hero photo"]).toBe("a photo no longer in the library (#gone)");
  });

  it("compares a dek as it would be stored: blank lines typed but not yet saved are no change", () => {
    expect(comparableFields(story({ dek: "One.\n\n\n\nTwo." }), names).Dek).toBe(
      comparableFields(story({ dek: "One.\n\nTwo." }), names).Dek,
    );
  });

  it("tells two deleted bylines apart, so that a swap of the two shows", () => {
    const before = comparableFields(story({ authorIds: ["cm0000000000000000aaaaaa", "cm0000000000000000bbbbbb"] }), names);
    const after = comparableFields(story({ authorIds: ["cm0000000000000000bbbbbb", "cm0000000000000000aaaaaa"] }), names);
    expect(before.Bylines).toBe("a deleted byline (#aaaaaa)\na deleted byline (#bbbbbb)");
    expect(after.Bylines).not.toBe(before.Bylines);
  });

  it("lists the photo with only what this story says of it", () => {
    const hero = {
      imageId: "p1",
      caption: "The bridge at dawn.",
      credit: "",
      agency: "",
      creditLine: "Roman Pilipey/Getty Images",
      altText: " ",
    };
    expect(comparableFields(story({ hero }), names)["Hero photo"]).toBe(
      "bridge.jpg\nCaption for this story: The bridge at dawn.\nCredit line for this story: Roman Pilipey/Getty Images",
    );
    expect(comparableFields(story(), names)["Hero photo"]).toBe("");
  });
});
