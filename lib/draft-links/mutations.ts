import { db, type Tx } from "../db";
import { wireFactsForStory } from "../wire/queries";
import { killedWireCopy } from "../wire/policy";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { parseDeskLocal } from "../format/time";
import { createDraftLinkSchema, MAX_DRAFT_LINK_DAYS, revokeDraftLinkSchema, type CreateDraftLinkInput } from "./schema";
import { draftLinkPath, hashDraftToken, newDraftToken } from "./token";

/** Creates an expiring link to a story's preview for someone without an account (editors); the token is returned this once. */
export async function createDraftLink(viewer: Viewer, input: CreateDraftLinkInput, timeZone: string, now = new Date()) {
  assertPermission(viewer, "draftLink.manage", "Only editors can share drafts.");
  const data = parseOrThrow(createDraftLinkSchema, input);
  const bad = (message: string) => new AppError("invalid", message, { expiresLocal: [message] });
  const read = parseDeskLocal(data.expiresLocal, timeZone);
  if ("error" in read) throw bad(read.error);
  const expiresAt = read.at;
  if (expiresAt <= now) throw bad("Choose a time in the future.");
  if (expiresAt.getTime() - now.getTime() > MAX_DRAFT_LINK_DAYS * 86_400_000)
    throw bad(`A link lives at most ${MAX_DRAFT_LINK_DAYS} days.`);
  const token = newDraftToken();
  return db.$transaction(async (tx) => {
    const story = await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true } });
    if (!story) throw new AppError("not_found", "That story no longer exists.");
    const unusable = killedWireCopy(await wireFactsForStory(tx, story.id));
    if (unusable) throw new AppError("invalid", unusable);
    const link = await tx.draftLink.create({
      data: { articleId: story.id, tokenHash: hashDraftToken(token), label: data.label, createdById: viewer.id, expiresAt, createdAt: now },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "draft-link.create",
      entityType: "Article",
      entityId: story.id,
      data: { linkId: link.id, label: data.label, expiresAt },
    });
    return { id: link.id, path: draftLinkPath(token), expiresAt: link.expiresAt };
  });
}

/**
 * Revokes every link of a story that still opens, in the caller's transaction, with one audit
 * entry naming them: a story taken down is not left readable by whoever holds a link made while
 * it was in the works or live (lib/articles/mutations/transition.ts). Links made afterwards work.
 */
export async function revokeOpenDraftLinks(tx: Tx, articleId: string, actorId: string | null, why: string, now: Date) {
  const open = await tx.draftLink.findMany({
    where: { articleId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (open.length === 0) return;
  await tx.draftLink.updateMany({ where: { id: { in: open.map((l) => l.id) } }, data: { revokedAt: now } });
  await recordAudit(tx, {
    actorId,
    action: "draft-link.revoke",
    entityType: "Article",
    entityId: articleId,
    data: { linkIds: open.map((l) => l.id), why },
  });
}

/** Revokes a draft link at once (editors). */
export async function revokeDraftLink(viewer: Viewer, input: { id: string }, now = new Date()) {
  assertPermission(viewer, "draftLink.manage", "Only editors can share drafts.");
  const { id } = parseOrThrow(revokeDraftLinkSchema, input);
  return db.$transaction(async (tx) => {
    const link = await tx.draftLink.findUnique({ where: { id }, select: { id: true, articleId: true, revokedAt: true } });
    if (!link) throw new AppError("not_found", "That link does not exist.");
    if (link.revokedAt) return { id };
    await tx.draftLink.update({ where: { id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "draft-link.revoke",
      entityType: "Article",
      entityId: link.articleId,
      data: { linkId: id },
    });
    return { id };
  });
}
