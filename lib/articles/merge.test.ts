import { describe, expect, it } from "vitest";
import type { BodyDoc } from "./body";
import type { EditorFields } from "./editor";
import { fieldsChangedBy, mergeStoryFields, sameField } from "./merge";
import { paragraphs as body, storyFields as story } from "../test/story-fields";

describe("mergeStoryFields", () => {
  it("keeps their headline and my paragraph when each changed only one field (the probe's minor fix undid their headline)", () => {
    const base = story();
    const theirs = story({ headline: "Ferry resumes" });
    const mine = story({ body: body("The first ferry left at six.", "Passengers cheered. The mayor was on board.") });
    const { fields, changes } = mergeStoryFields(base, theirs, mine);
    expect(fields.headline).toBe("Ferry resumes");
    expect(fields.body).toEqual(mine.body);
    expect(changes.headline).toBe("theirs");
    expect(changes.body).toBe("mine");
    expect(fieldsChangedBy(changes, "both")).toEqual([]);
  });

  it("takes mine for a field both changed, and names it as the one of theirs that is overwritten", () => {
    const { fields, changes } = mergeStoryFields(story(), story({ dek: "Their dek." }), story({ dek: "My dek." }));
    expect(fields.dek).toBe("My dek.");
    expect(changes.dek).toBe("both");
    expect(fieldsChangedBy(changes, "both")).toEqual(["Dek"]);
  });

  it("sees no conflict where both made the same change", () => {
    const { fields, changes } = mergeStoryFields(story(), story({ dateline: "ZADAR" }), story({ dateline: "ZADAR" }));
    expect(changes.dateline).toBe("same");
    expect(fields.dateline).toBe("ZADAR");
    expect(fieldsChangedBy(changes, "both")).toEqual([]);
  });

  it("keeps theirs for every field neither changed, and says nothing changed", () => {
    const { fields, changes } = mergeStoryFields(story(), story(), story());
    expect(fields).toEqual(story());
    expect(Object.values(changes).every((c) => c === "none")).toBe(true);
  });

  it("takes a change in reference fields (section, bylines, photo, sources) from the side that made it", () => {
    const hero = { imageId: "p1", caption: "The ferry", credit: "", agency: "", altText: "A ferry", creditLine: "" };
    const source = {
      url: "https://example.org/r",
      title: "Report",
      publisher: "",
      kind: "REPORT",
      note: "",
      accessedAt: "",
      archivedUrl: "",
    };
    const theirs = story({ sectionId: "s2", hero });
    const mine = story({ authorIds: ["a2", "a1"], sources: [source] as EditorFields["sources"] });
    const { fields, changes } = mergeStoryFields(story(), theirs, mine);
    expect(fields.sectionId).toBe("s2");
    expect(fields.hero).toEqual(hero);
    expect(fields.authorIds).toEqual(["a2", "a1"]);
    expect(fields.sources).toEqual([source]);
    expect(fieldsChangedBy(changes, "theirs")).toEqual(["Section", "Hero photo"]);
    expect(fieldsChangedBy(changes, "mine")).toEqual(["Bylines", "Sources"]);
  });

  it("does not count as a change what the save stores the same way: tag order, spaces around text, a blank dek line, key order, null for blank", () => {
    const base = story({ dek: "Line one.\n\n\n\nLine two.", canonicalUrl: "" });
    const theirs = story({ dek: "Line one.\n\nLine two.", tagIds: ["t2", "t1"], headline: "Ferry resumes — A version " });
    const mine = story({
      dek: "Line one.\n\n\n\nLine two.",
      body: { content: body("The first ferry left at six.", "Passengers cheered.").content, type: "doc" } as BodyDoc,
    });
    const { changes } = mergeStoryFields(base, theirs, mine);
    expect(Object.values(changes).every((c) => c === "none")).toBe(true);
    expect(
      sameField(
        "sources",
        [{ url: "https://example.org/a", title: "City report " }],
        [{ url: "https://example.org/a", title: "City report" }],
      ),
    ).toBe(true);
    expect(sameField("canonicalUrl", "", null)).toBe(true);
    expect(sameField("authorIds", ["a1", "a2"], ["a2", "a1"])).toBe(false);
  });

  it("counts a space added inside the body as a change (trimmed, a fix before a bold word was dropped as none)", () => {
    const base = story({ body: body("Read the", "report.") });
    const theirs = story({ body: body("Read the", "report."), headline: "Ferry resumes" });
    const mine = story({ body: body("Read the ", "report.") });
    const { fields, changes } = mergeStoryFields(base, theirs, mine);
    expect(changes.body).toBe("mine");
    expect(fields.body).toEqual(mine.body);
    expect(fields.headline).toBe("Ferry resumes");
  });

  describe("the body, block by block, when both changed it differently", () => {
    const base = story({ body: body("The first ferry left at six.", "Passengers cheered.", "The mayor was on board.") });

    it("keeps both edits when each fixed a different paragraph, and names no loss", () => {
      const theirs = story({ body: body("The first ferry left at 6 a.m.", "Passengers cheered.", "The mayor was on board.") });
      const mine = story({ body: body("The first ferry left at six.", "Passengers cheered.", "The mayor, Ivo Barić, was on board.") });
      const { fields, changes } = mergeStoryFields(base, theirs, mine);
      expect(fields.body).toEqual(body("The first ferry left at 6 a.m.", "Passengers cheered.", "The mayor, Ivo Barić, was on board."));
      expect(changes.body).toBe("merged");
      expect(fieldsChangedBy(changes, "merged")).toEqual(["Body"]);
      expect(fieldsChangedBy(changes, "both")).toEqual([]);
    });

    it("keeps a paragraph one side inserted and the other side's edit of the paragraph after it", () => {
      const theirs = story({
        body: body("The first ferry left at six.", "It was the first since the storm.", "Passengers cheered.", "The mayor was on board."),
      });
      const mine = story({ body: body("The first ferry left at six.", "Passengers cheered on the quay.", "The mayor was on board.") });
      const { fields, changes } = mergeStoryFields(base, theirs, mine);
      expect(fields.body).toEqual(
        body(
          "The first ferry left at six.",
          "It was the first since the storm.",
          "Passengers cheered on the quay.",
          "The mayor was on board.",
        ),
      );
      expect(changes.body).toBe("merged");
    });

    it("takes mine for a paragraph both edited differently, reported as a loss, and keeps their edit elsewhere", () => {
      const theirs = story({ body: body("The first ferry left at 6 a.m.", "Passengers cheered loudly.", "The mayor was on board.") });
      const mine = story({ body: body("The first ferry left at six.", "Passengers cheered on the quay.", "The mayor was on board.") });
      const { fields, changes } = mergeStoryFields(base, theirs, mine);
      expect(fields.body).toEqual(body("The first ferry left at 6 a.m.", "Passengers cheered on the quay.", "The mayor was on board."));
      expect(changes.body).toBe("both");
      expect(fieldsChangedBy(changes, "both")).toEqual(["Body"]);
    });

    it("counts a paragraph one side deleted and the other edited as a conflict, which mine wins, either way round", () => {
      const four = story({
        body: body("The first ferry left at six.", "Passengers cheered.", "The mayor was on board.", "It returns at noon."),
      });
      const edited = story({
        body: body("The first ferry left at six.", "Passengers cheered on the quay.", "The mayor was on board.", "It returns at noon."),
      });
      const deleted = story({ body: body("The first ferry left at six.", "The mayor was on board.", "It returns at 12:30.") });
      const theyDeleted = mergeStoryFields(four, deleted, edited);
      expect(theyDeleted.fields.body).toEqual(
        body("The first ferry left at six.", "Passengers cheered on the quay.", "The mayor was on board.", "It returns at 12:30."),
      );
      expect(theyDeleted.changes.body).toBe("both");
      const iDeleted = mergeStoryFields(four, edited, deleted);
      expect(iDeleted.fields.body).toEqual(body("The first ferry left at six.", "The mayor was on board.", "It returns at 12:30."));
      expect(iDeleted.changes.body).toBe("both");
      expect(fieldsChangedBy(iDeleted.changes, "both")).toEqual(["Body"]);
    });

    it("counts two different paragraphs inserted at one place as a conflict (their order is not known): mine are kept there", () => {
      const theirs = story({ body: body("The first ferry left at six.", "Their line.", "Passengers cheered.", "The mayor was on board.") });
      const mine = story({ body: body("The first ferry left at six.", "My line.", "Passengers cheered.", "The mayor was on board!") });
      const { fields, changes } = mergeStoryFields(base, theirs, mine);
      expect(fields.body).toEqual(body("The first ferry left at six.", "My line.", "Passengers cheered.", "The mayor was on board!"));
      expect(changes.body).toBe("both");
    });

    it("matches photos and headings as whole blocks: a caption fixed by one side and a paragraph by the other are both kept", () => {
      const photo = (caption: string) => ({ type: "image" as const, attrs: { imageId: "p1", caption } });
      const heading = { type: "heading" as const, attrs: { level: 2 as const }, content: [{ type: "text" as const, text: "At the quay" }] };
      const withBlocks = (caption: string, last: string) =>
        story({ body: { type: "doc", content: [photo(caption), heading, ...body("Passengers cheered.", last).content] } });
      const { fields, changes } = mergeStoryFields(
        withBlocks("The ferry", "The mayor was on board."),
        withBlocks("The ferry Jadran at dawn", "The mayor was on board."),
        withBlocks("The ferry", "The mayor was on board, waving."),
      );
      expect(fields.body).toEqual(withBlocks("The ferry Jadran at dawn", "The mayor was on board, waving.").body);
      expect(changes.body).toBe("merged");
    });

    it("never puts a paragraph in twice: a move against an edit or another move, or one paragraph added at two places, is a conflict (from a review)", () => {
      const [a, b, c] = ["The first ferry left at six.", "Passengers cheered.", "The mayor was on board."];
      const merge = (theirs: string[], mine: string[]) =>
        mergeStoryFields(base, story({ body: body(...theirs) }), story({ body: body(...mine) }));
      // Both moved the first paragraph, to different places: it stays where this editor put it, once.
      let result = merge([b, c, a], [b, a, c]);
      expect(result.fields.body).toEqual(body(b, a, c));
      expect(result.changes.body).toBe("both");
      // They moved it; this editor fixed it: the fix stays where it was, and the unfixed copy is not brought back.
      result = merge([b, c, a], ["The first ferry left at 6 a.m.", b, c]);
      expect(result.fields.body).toEqual(body("The first ferry left at 6 a.m.", b, c));
      expect(result.changes.body).toBe("both");
      // They deleted a paragraph this editor moved: it stays where this editor put it, and that undoes their deletion: a conflict.
      result = merge([a, c], [a, c, b]);
      expect(result.fields.body).toEqual(body(a, c, b));
      expect(result.changes.body).toBe("both");
      // The same new paragraph, added by each at another place: once, where this editor added it.
      result = merge(["It rained.", a, b, c], [a, b, "It rained.", c]);
      expect(result.fields.body).toEqual(body(a, b, "It rained.", c));
      expect(result.changes.body).toBe("both");
    });

    it("sees no conflict where both made one edit the same way and one of them another", () => {
      const theirs = story({ body: body("The first ferry left at 6 a.m.", "Passengers cheered.", "The mayor was on board.") });
      const mine = story({ body: body("The first ferry left at 6 a.m.", "Passengers cheered.", "The mayor was on board, waving.") });
      const { fields, changes } = mergeStoryFields(base, theirs, mine);
      expect(fields.body).toEqual(mine.body);
      expect(changes.body).toBe("merged");
    });
  });

  it("does not modify the versions it is given", () => {
    const base = story();
    const theirs = story({ headline: "Theirs" });
    const mine = story({ dek: "Mine" });
    mergeStoryFields(base, theirs, mine);
    expect(theirs.dek).toBe(story().dek);
    expect(mine.headline).toBe(story().headline);
  });
});
