import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { resolveSessionUser } from "./session-user";
import { noteUser } from "../ops/request-context";
import { authOptions } from "./config";
import { hasPermission, type Permission } from "./permissions";
import { PASSWORD_CHANGE_PATH, type Viewer } from "./viewer";

/**
 * The signed-in user for this request, read from the database once per request so a
 * demoted, disabled or signed-out-everywhere user loses access at their next request.
 */
export const getCurrentUser = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const viewer = await resolveSessionUser(session?.user);
  if (viewer) noteUser(viewer.id);
  return viewer;
});

/**
 * For admin pages: the viewer, or a redirect to the sign-in page that comes back to `returnTo`.
 * A user still on a temporary password, or who must still set up a required two-factor sign-in,
 * is sent to the profile screen instead, unless the page is that screen (`allowTemporaryPassword`).
 */
export async function requireUser(returnTo = "/admin", options: { allowTemporaryPassword?: boolean } = {}): Promise<Viewer> {
  const viewer = await getCurrentUser();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if ((viewer.mustChangePassword || viewer.mustEnrolTwoFactor) && !options.allowTemporaryPassword) redirect(PASSWORD_CHANGE_PATH);
  return viewer;
}

/** For admin pages a role may not use: 403 with a plain explanation (app/forbidden.tsx). */
export async function requirePermission(permission: Permission, returnTo?: string): Promise<Viewer> {
  const viewer = await requireUser(returnTo);
  if (!hasPermission(viewer.role, permission)) forbidden();
  return viewer;
}
