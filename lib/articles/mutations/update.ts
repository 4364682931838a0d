import { db, type Tx } from "../../db";
import { andList } from "../../format/text";
import { recordAudit } from "../../audit/mutations";
import type { Viewer } from "../../auth/viewer";
import { AppError, parseOrThrow, type FieldErrors } from "../../errors";
import { ArticleStatus } from "../../generated/prisma/enums";
import { assertStory, storyFactsSelect, storyScope, toStoryFacts } from "../policy";
import { articleColumns, assertReferencesExist, assertSlugAvailable, clearRelations, relationCreates } from "../relations";
import { updateArticleSchema, type UpdateArticleInput } from "../schema";
import { snapshotSelect, writeRevision } from "../snapshot";
import { fieldOfNeed, publishProblems, readinessSelect } from "../workflow";
import { queueSourceCaptures } from "../../sources/capture";
import { articlePath } from "../path";
import { readSiteSettings } from "../../settings/queries";
import { formatDateTime } from "../../format/time";
import { env } from "../../env";
import { recordFeedDepartures } from "../../feeds/departures";
import type { SavedArticle } from "./create";

/**
 * Loads a story for a write, refusing one the viewer may not see (not_found) or may
 * not edit (forbidden), and a save that started from an older version (conflict).
 */
export async function loadForWrite(tx: Tx, viewer: Viewer, id: string, version: number) {
  const article = await tx.article.findFirst({
    where: { AND: [{ id }, storyScope(viewer)] },
    select: {
      ...storyFactsSelect,
      id: true,
      slug: true,
      sectionId: true,
      section: { select: { slug: true } },
      version: true,
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  if (!article) throw new AppError("not_found", "That story does not exist or you cannot see it.");
  // A save from an older version meets the conflict first, even when the story has moved out of the
  // viewer's hands meanwhile (an editor published a writer's story): its details let the desk offer
  // to keep the text as a new draft, where "you cannot edit" left it stranded. Its next save from
  // the version it is now is refused as before.
  if (article.version !== version) throw await staleVersion(article, version);
  assertStory(viewer, toStoryFacts(article), "edit");
  return article;
}

/**
 * The refusal of a save that started from an older version. Its details name who saved last, when,
 * and the story's status now, so the desk can say that the story went live (the scheduler, another
 * editor) while this editor was working on it, and ask how to save onto a live story.
 */
export async function staleVersion(
  current: {
    version: number;
    updatedAt: Date;
    updatedBy: { name: string } | null;
    status: ArticleStatus;
  },
  sent: number,
): Promise<AppError> {
  const who = current.updatedBy?.name ?? "Someone";
  const details = { savedBy: who, savedAt: current.updatedAt.toISOString(), currentVersion: current.version, storyStatus: current.status };
  // A version from the future (a program's mistake, or a database restored from a backup) was told that someone had saved meanwhile.
  if (sent > current.version) {
    return new AppError(
      "conflict",
      `This story has no version ${sent}: its newest is ${current.version}. Load it again and save from there. Your changes were not saved.`,
      undefined,
      details,
    );
  }
  return new AppError(
    "conflict",
    // In the newsroom's time, as the desk shows every time (it said "at 2026-12-08T04:16:05.880Z").
    `${who} saved this story on ${formatDateTime(current.updatedAt, await newsroomTimeZone())} while you were editing. Your changes were not saved.`,
    undefined,
    details,
  );
}

/** The newsroom's time zone for a refusal's words; the environment's when the settings cannot be read. */
const newsroomTimeZone = () =>
  readSiteSettings()
    .then((settings) => settings.timeZone)
    .catch(() => env.DATELINE_TIMEZONE);

/** Bumps the version only if it is still `version`; refuses with a conflict otherwise. Only a save names itself (`lastSaveId`). */
export async function claimVersion(tx: Tx, id: string, version: number, data: Parameters<Tx["article"]["updateMany"]>[0]["data"]) {
  const { count } = await tx.article.updateMany({ where: { id, version }, data: { lastSaveId: null, ...data, version: { increment: 1 } } });
  if (count === 0) {
    const current = await tx.article.findUnique({
      where: { id },
      select: { version: true, updatedAt: true, updatedBy: { select: { name: true } }, status: true },
    });
    if (!current) throw new AppError("not_found", "That story no longer exists.");
    throw await staleVersion(current, version);
  }
}

/**
 * The version a save starts from: the one it sent, or, when every version since was made by this
 * editor's own saves whose answers were lost (`after`), the newest. Any other change in between
 * (someone else's save, a move, a correction) names no save and so still meets the conflict.
 */
async function baseVersion(tx: Tx, viewer: Viewer, data: { id: string; version: number; after: string[] }): Promise<number> {
  if (data.after.length === 0) return data.version;
  const now = await tx.article.findUnique({ where: { id: data.id }, select: { version: true, lastSaveId: true, updatedById: true } });
  if (!now?.lastSaveId || now.updatedById !== viewer.id || !data.after.includes(now.lastSaveId)) return data.version;
  const since = now.version - data.version;
  return since > 0 && since <= data.after.length ? now.version : data.version;
}

/** What a save can change of a story: its revision's snapshot, but the version (its tags in one order). */
async function savedContent(tx: Tx, id: string): Promise<string> {
  const story = await tx.article.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
  return JSON.stringify({ ...story, version: null, tags: story.tags.map((t) => t.tagId).sort() });
}

/** A save that would change nothing: its transaction is undone, and the story stays at its version. */
class NothingToSave extends Error {
  constructor(readonly saved: SavedArticle) {
    super("Nothing to save.");
  }
}

/**
 * Saves a story's fields. Writers: own drafts; editors: any story. A stale version is refused. A
 * save that changes nothing (Save or Ctrl+S pressed again) writes nothing: no new version, which
 * would have met another editor's save with a conflict over nothing, and no revision or audit entry.
 * A live story's material update is always made.
 */
export async function updateArticle(viewer: Viewer, input: UpdateArticleInput): Promise<SavedArticle> {
  try {
    return await saveArticle(viewer, input);
  } catch (error) {
    if (error instanceof NothingToSave) return error.saved;
    throw error;
  }
}

async function saveArticle(viewer: Viewer, input: UpdateArticleInput): Promise<SavedArticle> {
  const { after, saveId, ...fields } = parseOrThrow(updateArticleSchema, input);
  return db.$transaction(async (tx) => {
    const data = { ...fields, version: await baseVersion(tx, viewer, { id: fields.id, version: fields.version, after }) };
    const current = await loadForWrite(tx, viewer, data.id, data.version);
    const before = await savedContent(tx, current.id);
    await assertReferencesExist(tx, data);
    if (data.slug !== current.slug) {
      await assertSlugAvailable(tx, data.slug, current.id);
      await moveSlug(tx, current.id, current.slug, data.slug, current.firstPublishedAt !== null);
    }
    const live = current.status === ArticleStatus.PUBLISHED;
    // A live or scheduled story keeps what it went live with (or will): see goLiveLosses.
    const guarded = live || current.status === ArticleStatus.SCHEDULED;
    // A photo's license runs to the end of its date in the newsroom's zone (lib/media/license.ts).
    const timeZone = guarded ? (await readSiteSettings(tx)).timeZone : "UTC";
    const problemsBefore = guarded ? await storyProblems(tx, current.id, timeZone) : [];
    await claimVersion(tx, current.id, data.version, {
      ...articleColumns(data),
      updatedById: viewer.id,
      lastSaveId: saveId ?? null,
      ...(live && data.materialUpdate ? { contentUpdatedAt: new Date() } : {}),
    });
    const sourcesBefore = live ? await tx.sourceLink.findMany({ where: { articleId: current.id }, select: { url: true } }) : [];
    await recordFeedDepartures(tx, current, { status: current.status, sectionId: data.sectionId ?? null });
    await clearRelations(tx, current.id);
    const relations = relationCreates(data);
    await tx.article.update({ where: { id: current.id }, data: relations });
    if (guarded) goLiveLosses(live, problemsBefore, await storyProblems(tx, current.id, timeZone));
    // A live story's material update is an act of its own (readers see "Updated", partners hear of it), changed or not.
    const marked = live && data.materialUpdate;
    if (!marked && (await savedContent(tx, current.id)) === before)
      throw new NothingToSave({ id: current.id, slug: current.slug, version: data.version });
    if (data.autosave) {
      if (live) throw new AppError("invalid", "A published story is saved only on purpose: choose material update or minor fix.");
      return { id: current.id, slug: data.slug, version: data.version + 1 };
    }
    if (live) {
      // Issue 19: a source added to a live story gets its archived copy (lib/sources/capture.ts).
      const had = new Set(sourcesBefore.map((s) => s.url));
      const added = data.sources.map((s) => s.url).filter((url) => !had.has(url));
      if (added.length) await queueSourceCaptures(tx, current.id, added, "source-added", viewer.id);
    }
    const note = live ? (data.materialUpdate ? "Material update" : "Minor fix") : "Saved";
    await writeRevision(tx, current.id, viewer.id, note);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "article.update",
      entityType: "Article",
      entityId: current.id,
      data: {
        version: data.version + 1,
        materialUpdate: live ? data.materialUpdate : undefined,
        // A live story's address moved (its slug or section): partners keyed by the old one hear of it.
        movedFrom:
          live && (data.slug !== current.slug || (data.sectionId ?? null) !== current.sectionId) ? articlePath(current) : undefined,
      },
    });
    return { id: current.id, slug: data.slug, version: data.version + 1 };
  });
}

/** What a story lacks to go live, as saved in `tx` (the wire item's embargo and kill aside: they decide when it may go live, not what it holds). */
async function storyProblems(tx: Tx, id: string, timeZone: string): Promise<string[]> {
  const story = await tx.article.findUniqueOrThrow({ where: { id }, select: readinessSelect });
  return publishProblems(story, new Date(), { facts: null, timeZone });
}

/**
 * Refuses a save that would take from a live (or scheduled) story something the publish rules
 * require: its section, its bylines, its body, a photo's credit or alt text. Publishing checked
 * them (moveStory), and a save must not undo that behind the rules' back: the story would stay
 * live at a "news/" address without a byline, or fail at its scheduled time. What the story lacked
 * already (an imported story's photo without alt text) does not stop a save that leaves it so.
 */
function goLiveLosses(live: boolean, before: string[], after: string[]) {
  const lost = after.filter((problem) => !before.includes(problem));
  if (lost.length === 0) return;
  const state = live ? "live" : "scheduled";
  const fieldErrors: FieldErrors = {};
  for (const problem of lost) {
    const field = fieldOfNeed(problem);
    if (field) fieldErrors[field] = [`A ${state} story needs ${problem}.`];
  }
  const needs = andList(lost);
  throw new AppError("invalid", `This story is ${state}, so it needs ${needs}. Nothing was saved.`, fieldErrors, {
    problems: lost,
  });
}

/**
 * A published story's old slug keeps answering (308) with its new address. Redirects
 * point at the article, not at a slug, so A→B→C answers A→C in one hop.
 */
async function moveSlug(tx: Tx, articleId: string, from: string, to: string, wasPublished: boolean) {
  await tx.redirect.deleteMany({ where: { fromSlug: to, articleId } });
  if (wasPublished) await tx.redirect.create({ data: { fromSlug: from, articleId } });
}
