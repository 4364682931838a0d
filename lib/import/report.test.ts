import { describe, expect, it } from "vitest";
import { cancelledSentence } from "./report";

describe("what the report of a cancelled import says first", () => {
  it("counts the posts it went through", () => {
    expect(cancelledSentence({ by: "Jo Park", after: 3, of: 8 })).toBe("Cancelled by Jo Park after 3 of 8 posts; what was imported stays.");
    expect(cancelledSentence({ by: "Jo Park", after: 0, of: 1 })).toBe("Cancelled by Jo Park after 0 of 1 post; what was imported stays.");
  });

  it("of an export without posts (its photos only), says so rather than 'after 0 of 0 posts'", () => {
    expect(cancelledSentence({ by: "Jo Park", after: 0, of: 0 })).toBe(
      "Cancelled by Jo Park; the export has no posts, and what was imported stays.",
    );
  });
});
