import type { Tx } from "../db";
import { NotificationKind, Role } from "../generated/prisma/enums";

/**
 * Who hears of a change to a story: its writers (creator and bylines' accounts) or, for a
 * submission or an expired photo license, the editors; for an agency's kill of the wire item a
 * live story was taken from, both.
 */
async function recipients(
  tx: Tx,
  articleId: string,
  kind: NotificationKind,
  actorId: string | null,
  also: string | null,
): Promise<string[]> {
  let ids: string[] = [];
  const toEditors =
    kind === NotificationKind.SUBMITTED || kind === NotificationKind.PHOTO_LICENSE_EXPIRED || kind === NotificationKind.WIRE_KILLED;
  const toWriters = !toEditors || kind === NotificationKind.WIRE_KILLED;
  if (toEditors) {
    const editors = await tx.user.findMany({ where: { role: { in: [Role.EDITOR, Role.ADMIN] }, disabled: false }, select: { id: true } });
    ids = editors.map((u) => u.id);
  }
  if (toWriters) {
    const story = await tx.article.findUnique({
      where: { id: articleId },
      select: { createdById: true, authors: { select: { author: { select: { userId: true } } } } },
    });
    const writers = [story?.createdById, ...(story?.authors.map((a) => a.author.userId) ?? [])].filter((id): id is string => !!id);
    const active = await tx.user.findMany({ where: { id: { in: writers }, disabled: false }, select: { id: true } });
    ids.push(...active.map((u) => u.id));
  }
  if (also && !ids.includes(also) && (await tx.user.count({ where: { id: also, disabled: false } }))) ids.push(also);
  // Nobody is told of what they did themselves.
  return [...new Set(ids)].filter((id) => id !== actorId);
}

export type WorkflowEvent = {
  articleId: string;
  kind: NotificationKind;
  /** Who made the change; null for the scheduler. */
  actor: { id: string; name: string } | null;
  note?: string;
  /** One more person to tell, beside those the kind's rule names (the editor who scheduled a story held back at its time). */
  alsoNotify?: string | null;
};

/** Notifies the people concerned of a workflow change; call inside the transaction that made it. Returns how many were told. */
export async function notifyWorkflow(tx: Tx, event: WorkflowEvent): Promise<number> {
  const story = await tx.article.findUnique({ where: { id: event.articleId }, select: { headline: true } });
  if (!story) return 0;
  const userIds = await recipients(tx, event.articleId, event.kind, event.actor?.id ?? null, event.alsoNotify ?? null);
  for (const userId of userIds) {
    await tx.notification.create({
      data: {
        userId,
        kind: event.kind,
        articleId: event.articleId,
        headline: story.headline,
        actorName: event.actor?.name ?? null,
        note: event.note || null,
      },
    });
  }
  return userIds.length;
}
