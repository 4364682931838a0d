import { db } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";

/** Every key, newest first, with its user and last use (admins). Never the hash. */
export async function listApiKeys(viewer: Viewer) {
  assertPermission(viewer, "apikey.manage");
  return db.apiKey.findMany({
    select: {
      id: true,
      name: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true, role: true } },
    },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
