import { db } from "../db";
import type { Viewer } from "./viewer";

/**
 * The Viewer a session token stands for, read fresh from the database: null when the
 * user is gone or disabled, or when their session version moved on (sign-out
 * everywhere, password change, role change, disable) since the token was issued.
 */
export async function resolveSessionUser(token: { id: string; sv: number } | null | undefined): Promise<Viewer | null> {
  if (!token?.id) return null;
  const user = await db.user.findUnique({
    where: { id: token.id },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
