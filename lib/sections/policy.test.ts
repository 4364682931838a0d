import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import type { Role } from "../generated/prisma/enums";
import { decideSection, type SectionAction } from "./policy";

// Written out by hand: role × action × (empty section, section with stories) → allowed?
const EXPECTED: Record<SectionAction, Record<"empty" | "filed", string>> = {
  create: { empty: "A", filed: "A" },
  update: { empty: "A", filed: "A" },
  move: { empty: "A", filed: "A" },
  delete: { empty: "A", filed: "" },
};
const ROLES: [Role, string][] = [
  ["WRITER", "W"],
  ["EDITOR", "E"],
  ["ADMIN", "A"],
];
const viewer = (role: Role): Viewer => ({ id: "me", email: "me@test", name: "Me", role });
const sections = { empty: { name: "World", filed: 0 }, filed: { name: "World", filed: 3 } };

describe("the sections policy", () => {
  const cases = (Object.keys(EXPECTED) as SectionAction[]).flatMap((action) =>
    ROLES.flatMap(([role, letter]) =>
      (["empty", "filed"] as const).map((state) => ({ action, role, state, allowed: EXPECTED[action][state].includes(letter) })),
    ),
  );
  it.each(cases)("$role: $action an $state section → $allowed", ({ action, role, state, allowed }) => {
    expect(decideSection(viewer(role), action, sections[state]).allowed).toBe(allowed);
  });

  it("says how many stories keep a section from being deleted", () => {
    expect(decideSection(viewer("ADMIN"), "delete", { name: "World", filed: 1 })).toEqual({
      allowed: false,
      code: "invalid",
      reason: "1 story is filed in World. Move it to another section first.",
    });
  });
});
