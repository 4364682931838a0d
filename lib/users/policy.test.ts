import { describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import type { Role } from "../generated/prisma/enums";
import { decideUserChange, userRowPolicy, type UserAction } from "./policy";

// Written out by hand: role × target (a new account, someone else, oneself) × action → allowed?
// Admins manage accounts but never their own role or access; they may link their own byline and lift their own sign-in lock.
const EXPECTED: Record<UserAction, Record<"new" | "other" | "self", string>> = {
  create: { new: "A", other: "A", self: "A" },
  changeRole: { new: "A", other: "A", self: "" },
  disable: { new: "A", other: "A", self: "" },
  enable: { new: "A", other: "A", self: "" },
  linkByline: { new: "A", other: "A", self: "A" },
  resetAccess: { new: "A", other: "A", self: "" },
  liftLock: { new: "A", other: "A", self: "A" },
};
const ROLES: [Role, string][] = [
  ["WRITER", "W"],
  ["EDITOR", "E"],
  ["ADMIN", "A"],
];
const me: (role: Role) => Viewer = (role) => ({ id: "me", email: "me@test", name: "Me", role });
const target = { new: null, other: "someone", self: "me" } as const;

describe("the users policy", () => {
  const cases = (Object.keys(EXPECTED) as UserAction[]).flatMap((action) =>
    ROLES.flatMap(([role, letter]) =>
      (["new", "other", "self"] as const).map((who) => ({ action, role, who, allowed: EXPECTED[action][who].includes(letter) })),
    ),
  );
  it.each(cases)("$role: $action on $who → $allowed", ({ action, role, who, allowed }) => {
    expect(decideUserChange(me(role), target[who], action).allowed).toBe(allowed);
  });

  it("offers on each row of the users screen what it allows, and says why not", () => {
    expect(userRowPolicy(me("ADMIN"), "me")).toEqual({
      canChangeRole: false,
      canDisable: false,
      canLinkByline: true,
      canResetAccess: false,
      canLiftLock: true,
    });
    expect(userRowPolicy(me("ADMIN"), "someone")).toEqual({
      canChangeRole: true,
      canDisable: true,
      canLinkByline: true,
      canResetAccess: true,
      canLiftLock: true,
    });
    expect(decideUserChange(me("ADMIN"), "me", "disable")).toEqual({
      allowed: false,
      code: "invalid",
      reason: "You cannot disable your own account. Ask another admin.",
    });
    expect(decideUserChange(me("EDITOR"), "someone", "create")).toMatchObject({ allowed: false, code: "forbidden" });
  });
});
