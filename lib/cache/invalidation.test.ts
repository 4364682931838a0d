import { describe, expect, it } from "vitest";
import { tagsForChange, type Footprint } from "./invalidation";

const draft: Footprint = { live: false, slugs: ["s"], section: "world", authors: ["a"], tags: ["t"] };
const live: Footprint = { ...draft, live: true };

describe("which public pages a change expires", () => {
  it("expires only the story's own address for an edit of a draft (which may have a cached 404)", () => {
    expect(tagsForChange(draft, draft)).toEqual(["story:s"]);
  });

  it("expires the story, front, section, byline, tag, feeds and sitemaps when it goes live or comes down", () => {
    const expected = ["story:s", "front", "feeds", "sitemaps", "section:world", "author:a", "tag:t"].sort();
    expect(tagsForChange(draft, live).sort()).toEqual(expected);
    expect(tagsForChange(live, draft).sort()).toEqual(expected);
  });

  it("expires old and new section, bylines, tags and addresses when they change", () => {
    const moved: Footprint = { live: true, slugs: ["new", "s"], section: "politics", authors: ["b"], tags: [] };
    expect(tagsForChange(live, moved).sort()).toEqual(
      ["story:s", "story:new", "front", "feeds", "sitemaps", "section:world", "section:politics", "author:a", "author:b", "tag:t"].sort(),
    );
  });
});
