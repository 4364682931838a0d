import { allow, orThrow, refuse, type Decision } from "../auth/decision";
import { hasPermission } from "../auth/permissions";
import type { Viewer } from "../auth/viewer";

/**
 * The rules for managing accounts, written once: the users screen asks them what to offer on each
 * row and the mutations in lib/users/admin.ts ask them before writing.
 */
export type UserAction = "create" | "changeRole" | "disable" | "enable" | "linkByline" | "resetAccess" | "liftLock";

const VERBS: Record<UserAction, string> = {
  create: "create",
  changeRole: "change the role of",
  disable: "disable",
  enable: "re-enable",
  linkByline: "link a byline to",
  resetAccess: "reset the sign-in of",
  liftLock: "lift the sign-in lock of",
};

/**
 * Admins manage accounts, but never their own role or access (lifting a sign-in lock, which gives
 * no access, they may do for themselves too) (nor reset their own password or two-factor here: the profile does that): so whoever makes a change stays an
 * active admin, and the newsroom is never left without one. `targetId` is null for a new account.
 */
export function decideUserChange(viewer: Viewer, targetId: string | null, action: UserAction): Decision {
  if (!hasPermission(viewer.role, "user.manage")) return refuse("forbidden", "Only admins can manage users.");
  if (targetId === viewer.id && action === "resetAccess") {
    return refuse("invalid", "Change your own password or two-factor sign-in on your profile page.");
  }
  if (targetId === viewer.id && (action === "changeRole" || action === "disable" || action === "enable")) {
    return refuse("invalid", `You cannot ${VERBS[action]} your own account. Ask another admin.`);
  }
  return allow;
}

export const assertUserChange = (viewer: Viewer, targetId: string | null, action: UserAction) =>
  orThrow(decideUserChange(viewer, targetId, action));

/** What the users screen offers on one row. */
export function userRowPolicy(viewer: Viewer, targetId: string) {
  return {
    canChangeRole: decideUserChange(viewer, targetId, "changeRole").allowed,
    canDisable: decideUserChange(viewer, targetId, "disable").allowed,
    canLinkByline: decideUserChange(viewer, targetId, "linkByline").allowed,
    canResetAccess: decideUserChange(viewer, targetId, "resetAccess").allowed,
    canLiftLock: decideUserChange(viewer, targetId, "liftLock").allowed,
  };
}
