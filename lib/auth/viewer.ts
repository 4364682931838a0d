import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import { hasPermission, type Permission } from "./permissions";

/** The signed-in person a request acts for, as read from the database this request. */
export type Viewer = { id: string; email: string; name: string; role: Role };

/** Throws `forbidden` unless the viewer's role grants `permission`. */
export function assertPermission(viewer: Viewer, permission: Permission, message?: string): void {
  if (!hasPermission(viewer.role, permission)) {
    throw new AppError("forbidden", message ?? "Your role does not allow this.");
  }
}
