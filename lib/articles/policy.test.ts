import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import type { ArticleStatus, Role } from "../generated/prisma/enums";
import { decideMove, decideStory, storyPolicy, type StoryFacts } from "./policy";

// The story rules written out by hand (role × status × ownership × action), not derived from the
// code under test. W = writer, E = editor, A = admin; "own" = the viewer created the story or
// holds its byline. Each cell lists the roles allowed.
type Ownership = "own" | "byline" | "other";
type Row = {
  status: ArticleStatus;
  published: boolean;
  edit: Record<Ownership, string>;
  delete: Record<Ownership, string>;
  correct: string;
};
const all = (roles: string): Record<Ownership, string> => ({ own: roles, byline: roles, other: roles });
const TABLE: Row[] = [
  {
    status: "DRAFT",
    published: false,
    edit: { own: "WEA", byline: "WEA", other: "EA" },
    delete: { own: "WEA", byline: "WEA", other: "EA" },
    correct: "",
  },
  { status: "IN_REVIEW", published: false, edit: { own: "WEA", byline: "WEA", other: "EA" }, delete: all("EA"), correct: "" },
  { status: "SCHEDULED", published: false, edit: all("EA"), delete: all("EA"), correct: "" },
  { status: "PUBLISHED", published: true, edit: all("EA"), delete: all(""), correct: "EA" },
  { status: "UNPUBLISHED", published: true, edit: all("EA"), delete: all(""), correct: "EA" },
  // Unpublished back to draft after having been live: still never deletable.
  { status: "DRAFT", published: true, edit: { own: "WEA", byline: "WEA", other: "EA" }, delete: all(""), correct: "EA" },
];

// Moves: from → to → roles allowed (own story; writers cannot move other people's stories at all).
const MOVES: Record<ArticleStatus, Partial<Record<ArticleStatus, string>>> = {
  DRAFT: { IN_REVIEW: "WEA", SCHEDULED: "EA", PUBLISHED: "EA" },
  IN_REVIEW: { DRAFT: "WEA", SCHEDULED: "EA", PUBLISHED: "EA" },
  SCHEDULED: { DRAFT: "EA", PUBLISHED: "EA" },
  PUBLISHED: { UNPUBLISHED: "EA" },
  UNPUBLISHED: { PUBLISHED: "EA", DRAFT: "EA" },
};
const STATUSES = Object.keys(MOVES) as ArticleStatus[];

const ROLES: [Role, string][] = [
  ["WRITER", "W"],
  ["EDITOR", "E"],
  ["ADMIN", "A"],
];
const viewer = (role: Role): Viewer => ({ id: "me", email: "me@test", name: "Me", role });
function story(status: ArticleStatus, ownership: Ownership, published: boolean): StoryFacts {
  return {
    status,
    createdById: ownership === "own" ? "me" : "someone",
    bylineUserIds: ownership === "byline" ? [null, "me"] : [null, "someone"],
    firstPublishedAt: published ? new Date("2026-11-30T10:00:00Z") : null,
  };
}

describe("the story policy", () => {
  const cases = TABLE.flatMap((row) =>
    ROLES.flatMap(([role, letter]) =>
      (["own", "byline", "other"] as Ownership[]).map((ownership) => ({ ...row, role, letter, ownership })),
    ),
  );
  it.each(cases)("$role, $ownership $status story (published before: $published)", (c) => {
    const facts = story(c.status, c.ownership, c.published);
    const v = viewer(c.role);
    expect(decideStory(v, facts, "edit").allowed).toBe(c.edit[c.ownership].includes(c.letter));
    expect(decideStory(v, facts, "delete").allowed).toBe(c.delete[c.ownership].includes(c.letter));
    expect(decideStory(v, facts, "correct").allowed).toBe(c.correct.includes(c.letter));
  });

  const moves = STATUSES.flatMap((from) =>
    STATUSES.filter((to) => to !== from).flatMap((to) =>
      ROLES.flatMap(([role, letter]) =>
        (["own", "other"] as Ownership[]).map((ownership) => ({
          from,
          to,
          role,
          ownership,
          allowed: (MOVES[from][to] ?? "").includes(letter) && (ownership === "own" || letter !== "W"),
        })),
      ),
    ),
  );
  it.each(moves)("$role moves an $ownership story $from → $to: $allowed", ({ from, to, role, ownership, allowed }) => {
    expect(decideMove(viewer(role), story(from, ownership, from === "PUBLISHED"), to).allowed).toBe(allowed);
  });

  it("offers in the editor exactly what it allows", () => {
    for (const [role] of ROLES)
      for (const status of STATUSES)
        for (const ownership of ["own", "byline", "other"] as Ownership[]) {
          const v = viewer(role);
          const facts = story(status, ownership, status === "PUBLISHED" || status === "UNPUBLISHED");
          const offered = storyPolicy(v, facts);
          expect(offered.canEdit).toBe(decideStory(v, facts, "edit").allowed);
          expect(offered.canDelete).toBe(decideStory(v, facts, "delete").allowed);
          expect(offered.canCorrect).toBe(decideStory(v, facts, "correct").allowed);
          expect(offered.moves.sort()).toEqual(STATUSES.filter((to) => to !== status && decideMove(v, facts, to).allowed).sort());
        }
  });

  it("gives the refusal's reason and kind", () => {
    expect(decideStory(viewer("WRITER"), story("DRAFT", "other", false), "delete")).toEqual({
      allowed: false,
      code: "forbidden",
      reason: "You can delete only your own drafts.",
    });
    expect(decideStory(viewer("EDITOR"), story("UNPUBLISHED", "own", true), "delete")).toMatchObject({ allowed: false, code: "invalid" });
    expect(decideMove(viewer("EDITOR"), story("PUBLISHED", "own", true), "SCHEDULED")).toMatchObject({ allowed: false, code: "invalid" });
  });
});
