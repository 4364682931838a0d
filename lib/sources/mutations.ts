import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { storyScope } from "../articles/policy";
import { queueSourceCaptures } from "./capture";
import { runSourceChecks, type CheckRun } from "./check";
import { ARCHIVE_OPT_OUT_KEY } from "./queries";
import {
  archiveOptOutSchema,
  checkStorySourcesSchema,
  markSourceSeenSchema,
  refreshSourceCopySchema,
  type ArchiveOptOutInput,
} from "./schema";
import type { z } from "zod";

/** The story, in the editor's scope, that lists `url` among its sources; not_found otherwise. */
async function storyCiting(viewer: Viewer, articleId: string, url?: string) {
  const story = await db.article.findFirst({
    where: { AND: [{ id: articleId }, storyScope(viewer)] },
    select: { id: true, status: true, firstPublishedAt: true, sources: { select: { url: true } } },
  });
  if (!story) throw new AppError("not_found", "That story does not exist or you cannot see it.");
  if (url !== undefined && !story.sources.some((s) => s.url === url))
    throw new AppError("not_found", "The story no longer lists that source. Reload to see its sources now.");
  return story;
}

/** An editor asks for a fresh archived copy of one source (editors; audited). Queued: it lands within seconds. */
export async function refreshSourceCopy(viewer: Viewer, input: z.input<typeof refreshSourceCopySchema>): Promise<{ queued: boolean }> {
  assertPermission(viewer, "source.refresh");
  const data = parseOrThrow(refreshSourceCopySchema, input);
  const story = await storyCiting(viewer, data.articleId, data.url);
  if (!story.firstPublishedAt) throw new AppError("invalid", "Copies are made once the story is published.");
  return db.$transaction(async (tx) => {
    const queued = (await queueSourceCaptures(tx, data.articleId, [data.url], "refresh", viewer.id)) > 0;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "source.refresh",
      entityType: "Article",
      entityId: data.articleId,
      data: { url: data.url, queued },
    });
    return { queued };
  });
}

/** An editor has a live story's sources checked now rather than at their turn (editors). */
export async function checkStorySources(viewer: Viewer, input: z.input<typeof checkStorySourcesSchema>): Promise<CheckRun> {
  assertPermission(viewer, "source.refresh");
  const data = parseOrThrow(checkStorySourcesSchema, input);
  const story = await storyCiting(viewer, data.articleId);
  if (story.status !== "PUBLISHED") throw new AppError("invalid", "Only a published story's sources are checked.");
  return runSourceChecks(new Date(), { articleId: story.id });
}

/** The desk marks a link check's verdict seen (editors; audited). It comes back if the verdict changes again. */
export async function markSourceSeen(viewer: Viewer, input: z.input<typeof markSourceSeenSchema>): Promise<{ id: string }> {
  assertPermission(viewer, "source.review");
  const data = parseOrThrow(markSourceSeenSchema, input);
  return db.$transaction(async (tx) => {
    const check = await tx.sourceCheck.findFirst({
      where: { AND: [{ id: data.checkId }, { article: storyScope(viewer) }] },
      select: { id: true, articleId: true, url: true, verdict: true, seenAt: true },
    });
    if (!check) throw new AppError("not_found", "That source is no longer checked.");
    if (check.seenAt) return { id: check.id };
    await tx.sourceCheck.update({ where: { id: check.id }, data: { seenAt: new Date(), seenById: viewer.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "source.seen",
      entityType: "Article",
      entityId: check.articleId,
      data: { url: check.url, verdict: check.verdict },
    });
    return { id: check.id };
  });
}

/** Saves the hosts Dateline never archives (admins; audited); refused with a conflict when someone saved after `version`. */
export async function updateArchiveOptOut(viewer: Viewer, input: ArchiveOptOutInput): Promise<{ hosts: string[]; version: string }> {
  assertPermission(viewer, "settings.manage");
  const data = parseOrThrow(archiveOptOutSchema, input);
  return db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: ARCHIVE_OPT_OUT_KEY } });
    const before = row ? row.value.split("\n").filter(Boolean) : [];
    if ((row?.updatedAt.toISOString() ?? "") !== data.version)
      throw new AppError(
        "conflict",
        "Someone saved this list after you opened it. Reload to see theirs; what you typed is still in the form.",
      );
    const updatedAt = new Date(Math.max(Date.now(), row ? row.updatedAt.getTime() + 1 : 0));
    const value = data.hosts.join("\n");
    await tx.setting.upsert({
      where: { key: ARCHIVE_OPT_OUT_KEY },
      create: { key: ARCHIVE_OPT_OUT_KEY, value, updatedAt },
      update: { value, updatedAt },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.archive_opt_out",
      entityType: "Setting",
      entityId: ARCHIVE_OPT_OUT_KEY,
      data: { added: data.hosts.filter((h) => !before.includes(h)), removed: before.filter((h) => !data.hosts.includes(h)) },
    });
    return { hosts: data.hosts, version: updatedAt.toISOString() };
  });
}
