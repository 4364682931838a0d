import { describe, expect, it } from "vitest";
import { photoChangePolicy } from "./policy";

const live = { liveStories: [{ id: "a1", headline: "Flood waters rise" }] };
const idle = { liveStories: [] };

describe("photoChangePolicy", () => {
  it.each([
    ["WRITER", idle, true],
    ["WRITER", live, false],
    ["EDITOR", idle, true],
    ["EDITOR", live, true],
    ["ADMIN", live, true],
  ] as const)("%s, photo in %o: allowed %s", (role, use, allowed) => {
    expect(photoChangePolicy({ role }, use).allowed).toBe(allowed);
  });

  it("tells a writer why, naming the live stories", () => {
    const decision = photoChangePolicy(
      { role: "WRITER" },
      { liveStories: [...live.liveStories, { id: "a2", headline: "Bridge reopens" }] },
    );
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringMatching(/2 live stories \(“Flood waters rise”, “Bridge reopens”\), so only an editor can change it/),
    });
  });
});
