import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import type { StoryFacts } from "../articles/policy";
import { photoChangePolicy, photoDeletePolicy, type PhotoStory, type PhotoUse } from "./policy";

const as = (role: Viewer["role"], id = "u-writer"): Viewer => ({ id, role, email: `${id}@example.test`, name: id });
const story = (status: StoryFacts["status"], createdById: string, headline = "A story"): PhotoStory => ({
  id: `${createdById}-${status}-${headline}`,
  headline,
  status,
  createdById,
  bylineUserIds: [],
  firstPublishedAt: null,
});
const live: PhotoUse = { liveStories: [{ ...story("PUBLISHED", "u-other"), id: "a1", headline: "Flood waters rise" }], otherStories: [] };
const idle: PhotoUse = { liveStories: [], otherStories: [] };
const ownDraft: PhotoUse = { liveStories: [], otherStories: [story("DRAFT", "u-writer")] };
const othersDraft: PhotoUse = { liveStories: [], otherStories: [story("DRAFT", "u-other"), story("DRAFT", "u-writer")] };
const ownTakenDown: PhotoUse = { liveStories: [], otherStories: [story("UNPUBLISHED", "u-writer")] };

describe("photoChangePolicy", () => {
  it.each([
    ["WRITER", "idle", idle, true],
    ["WRITER", "live", live, false],
    ["WRITER", "in their own draft", ownDraft, true],
    ["WRITER", "in someone else's draft", othersDraft, false],
    ["WRITER", "in their own story, taken down", ownTakenDown, false],
    ["EDITOR", "idle", idle, true],
    ["EDITOR", "live", live, true],
    ["EDITOR", "in someone else's draft", othersDraft, true],
    ["ADMIN", "live", live, true],
  ] as const)("%s, photo %s: allowed %s", (role, _, use, allowed) => {
    expect(photoChangePolicy(as(role), use).allowed).toBe(allowed);
  });

  it("tells a writer why, naming the live stories they may know of (published, or their own), and counting the rest", () => {
    const decision = photoChangePolicy(as("WRITER"), {
      liveStories: [
        ...live.liveStories,
        story("PUBLISHED", "u-other", "Bridge reopens"),
        story("SCHEDULED", "u-other", "Embargoed: minister resigns"),
        story("SCHEDULED", "u-writer", "My own scheduled story"),
      ],
      otherStories: [],
    });
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringMatching(
        /^This photo is in 4 live stories \(“Flood waters rise”, “Bridge reopens”, “My own scheduled story” and 1 more\), so only an editor can change it/,
      ),
    });
  });

  it("tells a writer why a photo in a story of someone else's is not theirs to change, without naming that story", () => {
    expect(photoChangePolicy(as("WRITER"), othersDraft)).toEqual({
      allowed: false,
      reason:
        "This photo is in a story you cannot edit, so only an editor can change it: the change would show there too. Give your story its own caption, credit or alt text in its photo panel, or ask an editor.",
    });
  });
});

describe("photoDeletePolicy", () => {
  it.each([
    ["WRITER", "idle", idle, false],
    ["EDITOR", "idle", idle, true],
    ["EDITOR", "live", live, false],
    ["EDITOR", "in a draft", ownDraft, false],
    ["ADMIN", "in a story taken down", ownTakenDown, false],
    ["ADMIN", "idle", idle, true],
  ] as const)("%s, photo %s: allowed %s", (role, _, use, allowed) => {
    expect(photoDeletePolicy(as(role), use).allowed).toBe(allowed);
  });

  it("says which stories to take the photo out of first, naming an untitled one", () => {
    expect(photoDeletePolicy(as("EDITOR"), live)).toEqual({
      allowed: false,
      inUse: true,
      reason: "This photo is in a live story (“Flood waters rise”). Replace it there first.",
    });
    expect(
      photoDeletePolicy(as("EDITOR"), {
        liveStories: [],
        otherStories: [story("DRAFT", "u-writer", ""), story("IN_REVIEW", "u-other", "Ferry")],
      }),
    ).toEqual({
      allowed: false,
      inUse: true,
      reason: "This photo is in 2 stories that are not live (“Untitled story”, “Ferry”). Take it out of them first.",
    });
    expect(photoDeletePolicy(as("WRITER"), idle)).toEqual({ allowed: false, inUse: false, reason: "Only editors can delete photos." });
    // A headshot in two hundred stories names three of them.
    const many = Array.from({ length: 200 }, (_, n) => story("PUBLISHED", "u-other", `Story ${n + 1}`));
    expect(photoDeletePolicy(as("EDITOR"), { liveStories: many, otherStories: [] })).toMatchObject({
      reason: "This photo is in 200 live stories (“Story 1”, “Story 2”, “Story 3” and 197 more). Replace it there first.",
    });
  });
});
