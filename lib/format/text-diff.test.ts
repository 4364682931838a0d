import { describe, expect, it } from "vitest";
import { diffParagraphs, diffWords } from "./text-diff";

describe("word-level diffs", () => {
  it("marks only the word a one-letter fix changed, inside its paragraph", () => {
    const before = "The mayor said the bridge would reopen on Mondy.\nA second paragraph stays.";
    const after = "The mayor said the bridge would reopen on Monday.\nA second paragraph stays.";
    expect(diffParagraphs(before, after)).toEqual([
      {
        kind: "changed",
        text: "The mayor said the bridge would reopen on Monday.",
        parts: [
          { kind: "same", text: "The mayor said the bridge would reopen on " },
          { kind: "removed", text: "Mondy" },
          { kind: "added", text: "Monday" },
          { kind: "same", text: "." },
        ],
      },
      { kind: "same", text: "A second paragraph stays." },
    ]);
  });

  it("keeps a rewritten paragraph as removed and added, and new paragraphs as added", () => {
    const lines = diffParagraphs("Old words entirely.", "Nothing alike here at all.\nAnd more.");
    expect(lines.map((l) => l.kind)).toEqual(["removed", "added", "added"]);
  });

  it("sees an empty field as no lines: a field filled in is only added, one emptied only removed", () => {
    expect(diffParagraphs("", "Flooding\nElections")).toEqual([
      { kind: "added", text: "Flooding" },
      { kind: "added", text: "Elections" },
    ]);
    expect(diffParagraphs("Flooding", "")).toEqual([{ kind: "removed", text: "Flooding" }]);
    expect(diffParagraphs("", "")).toEqual([]);
  });

  it("treats punctuation and accented words as tokens of their own", () => {
    expect(diffWords("Kovač said “no”.", "Kovač said “yes”.")).toEqual([
      { kind: "same", text: "Kovač said “" },
      { kind: "removed", text: "no" },
      { kind: "added", text: "yes" },
      { kind: "same", text: "”." },
    ]);
  });
});
