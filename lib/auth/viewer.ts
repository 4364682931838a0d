import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { hasPermission, type Permission } from "./permissions";

/**
 * The signed-in person a request acts for, as read from the database this request.
 * `mustChangePassword`: signed in with a temporary password an admin set; until they choose
 * their own, only the change screen and its action are open to them.
 * `mustEnrolTwoFactor`: admins require two-factor sign-in for the viewer's role and they have not
 * set it up; until they do, only the same profile screen and its actions are open to them.
 */
export type Viewer = { id: string; email: string; name: string; role: Role; mustChangePassword?: boolean; mustEnrolTwoFactor?: boolean };

/** Where a user with a temporary password is sent, and the one page open to them. */
export const PASSWORD_CHANGE_PATH = "/admin/profile";

/** Throws `forbidden` while the viewer still has to replace a temporary password. */
export function assertPasswordChosen(viewer: Viewer): void {
  if (viewer.mustChangePassword) {
    throw new AppError("forbidden", `You are signed in with a temporary password. Choose your own first (${PASSWORD_CHANGE_PATH}).`);
  }
}

/** Throws `forbidden` while the viewer still has to set up a required two-factor sign-in. */
export function assertTwoFactorReady(viewer: Viewer): void {
  if (viewer.mustEnrolTwoFactor) {
    throw new AppError("forbidden", `Your newsroom requires two-factor sign-in. Set it up first (${PASSWORD_CHANGE_PATH}).`);
  }
}

/** Throws `forbidden` unless the viewer's role grants `permission`. */
export function assertPermission(viewer: Viewer, permission: Permission, message?: string): void {
  if (!hasPermission(viewer.role, permission)) {
    throw new AppError("forbidden", message ?? "Your role does not allow this.");
  }
}
