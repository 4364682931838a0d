import { db } from "../db";
import { wireFactsForStory } from "../wire/queries";
import { killedWireCopy } from "../wire/policy";
import { recordAudit } from "../audit/mutations";
import { publicArticleSelect, toPublicArticle } from "../articles/dto";
import { inlineFigures } from "../articles/queries";
import { draftTokenSchema } from "./schema";
import { hashDraftToken } from "./token";

export type DraftLinkState = "active" | "expired" | "revoked" | "stopped";

/** Whether a link opens: `stopped` when the story's copy may not be shown outside the newsroom (its wire item was killed). */
export function draftLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date(), stopped = false): DraftLinkState {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt <= now) return "expired";
  return stopped ? "stopped" : "active";
}

/**
 * A story's draft links for the editor, newest first (never their tokens: only hashes are kept),
 * and why no link may be made or opened now (`refused`), or null.
 */
export async function listDraftLinks(articleId: string, now = new Date()) {
  const refused = killedWireCopy(await wireFactsForStory(db, articleId));
  const rows = await db.draftLink.findMany({
    where: { articleId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      label: true,
      createdById: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      views: true,
      lastViewedAt: true,
    },
  });
  const people = await db.user.findMany({
    where: { id: { in: rows.flatMap((r) => r.createdById ?? []) } },
    select: { id: true, name: true },
  });
  const links = rows.map((r) => ({
    ...r,
    createdBy: people.find((p) => p.id === r.createdById)?.name ?? "someone",
    state: draftLinkState(r, now, refused !== null),
  }));
  return { links, refused };
}
export type DraftLinkRow = Awaited<ReturnType<typeof listDraftLinks>>["links"][number];

/**
 * Opens a draft link: the story's preview if the token names a link that is neither revoked nor
 * expired (null otherwise, whatever the reason, so a guesser learns nothing). Each view is counted
 * and recorded in the audit log, in one transaction.
 */
export async function openDraftLink(token: string, meta: { ip?: string; userAgent?: string } = {}, now = new Date()) {
  if (!draftTokenSchema.safeParse(token).success) return null;
  const link = await db.draftLink.findUnique({
    where: { tokenHash: hashDraftToken(token) },
    select: { id: true, articleId: true, label: true, expiresAt: true, revokedAt: true },
  });
  if (!link) return null;
  // A link made before the agency killed the copy stops working with the kill.
  const stopped = killedWireCopy(await wireFactsForStory(db, link.articleId)) !== null;
  if (draftLinkState(link, now, stopped) !== "active") return null;
  const row = await db.article.findUnique({ where: { id: link.articleId }, select: { ...publicArticleSelect, status: true } });
  if (!row) return null;
  await db.$transaction(async (tx) => {
    await tx.draftLink.update({ where: { id: link.id }, data: { views: { increment: 1 }, lastViewedAt: now } });
    await recordAudit(tx, {
      actorId: null,
      action: "draft-link.view",
      entityType: "Article",
      entityId: link.articleId,
      data: { linkId: link.id, label: link.label, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 200) },
    });
  });
  const article = toPublicArticle(row);
  return {
    link: { label: link.label, expiresAt: link.expiresAt },
    article: { ...article, status: row.status, figures: await inlineFigures(article.body) },
  };
}

/** When a new link stops working unless the editor chooses otherwise: a day from now. */
export function defaultDraftLinkExpiry(now = new Date()): Date {
  return new Date(now.getTime() + 86_400_000);
}
