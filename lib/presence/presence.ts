import { z } from "zod";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import type { ArticleStatus } from "../db";
import { AppError } from "../errors";
import { storyScope } from "../articles/policy";

/** A heartbeat older than this means the person closed the story (or their browser died). */
export const STALE_MS = 30_000;
/** How often an open editor says it is still there. */
export const HEARTBEAT_MS = 8_000;

export const presenceParamsSchema = z.object({ id: z.string().min(1).max(64) });

export type Editing = { userId: string; name: string; since: Date };

/** Who else has the story open now (heartbeat within STALE_MS), longest first. */
export async function listEditing(articleId: string, exceptUserId: string | null, now = new Date()): Promise<Editing[]> {
  const rows = await db.editingPresence.findMany({
    where: { articleId, seenAt: { gt: new Date(now.getTime() - STALE_MS) }, ...(exceptUserId ? { userId: { not: exceptUserId } } : {}) },
    orderBy: { since: "asc" },
    select: { userId: true, since: true },
  });
  const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } });
  return rows.map((r) => ({ userId: r.userId, since: r.since, name: users.find((u) => u.id === r.userId)?.name ?? "Someone" }));
}

/** Where the story is now, as the heartbeat tells an open editor (their page may be older). */
export type StoryState = { status: ArticleStatus; version: number; savedAt: Date; savedBy: string | null; savedByYou: boolean };

async function storyState(viewer: Viewer, articleId: string): Promise<StoryState> {
  const story = await db.article.findFirst({
    where: { AND: [{ id: articleId }, storyScope(viewer)] },
    select: { status: true, version: true, updatedAt: true, updatedById: true, updatedBy: { select: { name: true } } },
  });
  if (!story) throw new AppError("not_found", "That story does not exist or you cannot see it.");
  return {
    status: story.status,
    version: story.version,
    savedAt: story.updatedAt,
    savedBy: story.updatedBy?.name ?? null,
    savedByYou: story.updatedById === viewer.id,
  };
}

/**
 * Records that the viewer has the story open (whoever can see it) and answers who else has, and
 * where the story is now: a save or a move someone else made shows on an open editor's page
 * within one heartbeat, not only when their own save is refused. A heartbeat after a gap longer
 * than STALE_MS starts a new "since"; rows live in the database, so every server process sees
 * every editor.
 */
export async function heartbeat(viewer: Viewer, articleId: string, now = new Date()): Promise<{ others: Editing[]; story: StoryState }> {
  const story = await storyState(viewer, articleId);
  const key = { articleId_userId: { articleId, userId: viewer.id } };
  const existing = await db.editingPresence.findUnique({ where: key, select: { seenAt: true } });
  const fresh = existing && existing.seenAt.getTime() > now.getTime() - STALE_MS;
  await db.editingPresence.upsert({
    where: key,
    create: { articleId, userId: viewer.id, since: now, seenAt: now },
    update: fresh ? { seenAt: now } : { since: now, seenAt: now },
  });
  // Rows long gone stale are dropped now and then, by whoever passes.
  if (Math.random() < 0.05) await db.editingPresence.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 3_600_000) } } });
  return { others: await listEditing(articleId, viewer.id, now), story };
}

/** The viewer closed the story: others stop seeing them at once. */
export async function leave(viewer: Viewer, articleId: string): Promise<void> {
  await storyState(viewer, articleId);
  await db.editingPresence.deleteMany({ where: { articleId, userId: viewer.id } });
}
