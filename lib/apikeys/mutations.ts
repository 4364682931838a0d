import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { createApiKeySchema, revokeApiKeySchema, type CreateApiKeyInput } from "./schema";
import { hashApiToken, newApiToken, tokenPrefix } from "./token";

/** Makes a key for a user (admins). The token is returned this once; only its hash is kept. */
export async function createApiKey(viewer: Viewer, input: CreateApiKeyInput) {
  assertPermission(viewer, "apikey.manage", "Only admins can manage API keys.");
  const data = parseOrThrow(createApiKeySchema, input);
  const token = newApiToken();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, name: true, disabled: true } });
    if (!user) throw new AppError("invalid", "Choose the user the key acts as.", { userId: ["That user no longer exists."] });
    if (user.disabled)
      throw new AppError("invalid", "That user is disabled.", {
        userId: ["A disabled user's key could not be used. Choose another user."],
      });
    const key = await tx.apiKey.create({
      data: {
        name: data.name,
        userId: user.id,
        scope: data.scope,
        prefix: tokenPrefix(token),
        tokenHash: hashApiToken(token),
        createdById: viewer.id,
      },
      select: { id: true, name: true, scope: true, prefix: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "apikey.create",
      entityType: "ApiKey",
      entityId: key.id,
      data: { name: key.name, userId: user.id, scope: key.scope },
    });
    return { ...key, userName: user.name, token };
  });
}

/** Revokes a key at once: its next request is refused (admins). */
export async function revokeApiKey(viewer: Viewer, input: { id: string }) {
  assertPermission(viewer, "apikey.manage", "Only admins can manage API keys.");
  const { id } = parseOrThrow(revokeApiKeySchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("not_found", "That key does not exist or is already revoked.");
    await recordAudit(tx, { actorId: viewer.id, action: "apikey.revoke", entityType: "ApiKey", entityId: id });
    return { id };
  });
}
