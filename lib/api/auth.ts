import { db } from "../db";
import { AppError } from "../errors";
import type { Viewer } from "../auth/viewer";
import { assertPasswordChosen } from "../auth/viewer";
import type { ApiKeyScope } from "../generated/prisma/enums";
import { hashApiToken, sameHash, API_KEY_PREFIX } from "../apikeys/token";

export type ApiCaller = { keyId: string; scope: ApiKeyScope; viewer: Viewer };

/** Whether a key's scope allows writes (`WIRE`, the wire desk's key, also pushes wire items, and writes like READ_WRITE). */
export const scopeWrites = (scope: ApiKeyScope) => scope === "READ_WRITE" || scope === "WIRE";

/**
 * The key a request carries (`Authorization: Bearer dl_…`), checked against the stored SHA-256 in
 * constant time, with its user read from the database this request: a revoked key, or one whose
 * user is disabled or still on a temporary password, is refused at once. Cookies are never read:
 * the API cannot be driven by a browser's session.
 */
export async function authenticateApiKey(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token || !token.startsWith(API_KEY_PREFIX) || token.length > 200) {
    throw new AppError("unauthorized", "Send an API key as `Authorization: Bearer dl_…`. Admins make keys at /admin/api-keys.");
  }
  const hash = hashApiToken(token);
  const key = await db.apiKey.findUnique({
    where: { tokenHash: hash },
    select: {
      id: true,
      tokenHash: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, mustChangePassword: true } },
    },
  });
  if (!key || !sameHash(key.tokenHash, hash) || key.revokedAt)
    throw new AppError("unauthorized", "This API key is not valid (unknown or revoked).");
  if (key.user.disabled) throw new AppError("unauthorized", "This API key's user is disabled.");
  const viewer: Viewer = {
    id: key.user.id,
    email: key.user.email,
    name: key.user.name,
    role: key.user.role,
    mustChangePassword: key.user.mustChangePassword,
  };
  assertPasswordChosen(viewer);
  // Last use, to the minute: one write a minute per key, not one per request.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return { keyId: key.id, scope: key.scope, viewer };
}
