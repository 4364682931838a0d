import { db, type Tx } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, invalidInput, parseOrThrow } from "../errors";
import { ArticleStatus, FrontLayoutState } from "../generated/prisma/enums";
import { enqueue } from "../jobs/queue";
import { parseDeskLocal } from "../format/time";
import {
  arrangementSchema,
  bannerIsUp,
  cancelFrontLayoutSchema,
  saveFrontLayoutSchema,
  type Arrangement,
  type SaveFrontLayoutInput,
} from "./schema";
import { quoted } from "../format/text";
import { readLiveLayout } from "./queries";

/** The job that puts a scheduled layout live, and the one that refreshes the front when a banner comes down. */
export const FRONT_SWITCH_JOB = "front-switch";
export const FRONT_REFRESH_JOB = "front-refresh";

/** The stories an arrangement may place: live now, or scheduled to go live (they show once they do). */
const PLACEABLE: ArticleStatus[] = [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED];

async function checkStoriesAndSections(tx: Tx, a: Arrangement): Promise<Arrangement> {
  const slots = [...(a.lead ? [a.lead] : []), ...a.pinned];
  const rows = await tx.article.findMany({
    where: { id: { in: slots.map((s) => s.id) } },
    select: { id: true, status: true, headline: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const slot of slots) {
    const row = byId.get(slot.id);
    if (!row || !PLACEABLE.includes(row.status)) {
      const field = slot === a.lead ? "lead" : "pinned";
      const message = `${quoted(row?.headline ?? slot.headline)} is not published or scheduled, so it cannot take a slot.`;
      throw new AppError("invalid", message, { [field]: [message] });
    }
  }
  const sections = await tx.section.count({ where: { id: { in: a.sections.map((s) => s.sectionId) } } });
  if (sections !== a.sections.length) throw new AppError("invalid", "A section was deleted meanwhile. Reload the page.");
  // Headlines as they are now, for the desk to name a slot whose story goes away later.
  const fresh = (s: { id: string }) => ({ id: s.id, headline: byId.get(s.id)!.headline });
  return { ...a, lead: a.lead && fresh(a.lead), pinned: a.pinned.map(fresh) };
}

/**
 * Saves the front page's arrangement (editors): live at once, replacing the live one it was based
 * on (a save over a newer one is refused), or scheduled for `goesLiveLocal`, which a job puts live.
 */
export async function saveFrontLayout(viewer: Viewer, input: SaveFrontLayoutInput, timeZone: string, now = new Date()) {
  assertPermission(viewer, "front.arrange", "Only editors arrange the front page.");
  const data = parseOrThrow(saveFrontLayoutSchema, input);
  const raw = data.arrangement;
  const fieldErrors: Record<string, string[]> = {};
  const deskTime = (local: string, field: string) => {
    if (!local.trim()) return null;
    const read = parseDeskLocal(local, timeZone);
    if ("at" in read) return read.at;
    fieldErrors[field] = [read.error];
    return null;
  };
  const expiresAt = deskTime(raw.banner.expiresLocal, "banner.expiresAt");
  const goesLiveAt = deskTime(data.goesLiveLocal ?? "", "goesLiveAt");
  if (goesLiveAt && goesLiveAt <= now) fieldErrors.goesLiveAt = ["Choose a time in the future."];
  const parsed = arrangementSchema.safeParse({ ...raw, banner: { text: raw.banner.text, url: raw.banner.url, expiresAt } });
  if (!parsed.success) {
    const error = invalidInput(parsed.error);
    Object.assign(fieldErrors, error.fieldErrors);
  } else if (parsed.data.banner.expiresAt && parsed.data.banner.expiresAt <= (goesLiveAt ?? now)) {
    // The live banner, come down while the desk was open (its time as the desk shows it, to the
    // minute): it goes, rather than stopping every later save. One typed anew is refused.
    // Only for a change put live now: a schedule's banner that would be down by its time is still refused.
    const live = goesLiveAt ? null : (await readLiveLayout())?.arrangement.banner;
    const minute = (d: Date | string | null | undefined) => (d ? Math.floor(new Date(d).getTime() / 60_000) : null);
    if (
      live &&
      !bannerIsUp(live, now) &&
      live.text === parsed.data.banner.text &&
      minute(live.expiresAt) === minute(parsed.data.banner.expiresAt)
    )
      parsed.data.banner = { text: "", url: "", expiresAt: null };
    else fieldErrors["banner.expiresAt"] = ["The banner would already be down by then: choose a later time."];
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) throw new AppError("invalid", "Some fields need attention.", fieldErrors);

  const saved = await db.$transaction(async (tx) => {
    const arrangement = await checkStoriesAndSections(tx, parsed.data);
    const live = await tx.frontLayout.findFirst({ where: { state: FrontLayoutState.LIVE }, select: { id: true } });
    if (!goesLiveAt && (live?.id ?? "") !== data.basedOn) {
      throw new AppError("conflict", "Another editor changed the front page since you opened it. Reload to see their arrangement.");
    }
    const layout = await tx.frontLayout.create({
      data: {
        state: goesLiveAt ? FrontLayoutState.SCHEDULED : FrontLayoutState.LIVE,
        arrangement: JSON.stringify(arrangement),
        goesLiveAt,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    if (!goesLiveAt && live) await tx.frontLayout.update({ where: { id: live.id }, data: { state: FrontLayoutState.PAST } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: goesLiveAt ? "front.schedule" : "front.arrange",
      entityType: "FrontLayout",
      entityId: layout.id,
      data: { lead: arrangement.lead?.id, pinned: arrangement.pinned.map((s) => s.id), goesLiveAt: goesLiveAt ?? undefined },
    });
    return { id: layout.id, goesLiveAt, bannerExpiresAt: arrangement.banner.expiresAt };
  });
  if (saved.goesLiveAt) await enqueue(FRONT_SWITCH_JOB, saved.id, { runAt: saved.goesLiveAt });
  if (saved.bannerExpiresAt) await enqueue(FRONT_REFRESH_JOB, `banner:${saved.id}`, { runAt: saved.bannerExpiresAt });
  return saved;
}

/** Cancels a scheduled arrangement before it goes live (editors). */
export async function cancelFrontLayout(viewer: Viewer, input: { id: string }) {
  assertPermission(viewer, "front.arrange", "Only editors arrange the front page.");
  const { id } = parseOrThrow(cancelFrontLayoutSchema, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.frontLayout.updateMany({
      where: { id, state: FrontLayoutState.SCHEDULED },
      data: { state: FrontLayoutState.CANCELLED },
    });
    if (count === 0) throw new AppError("not_found", "That arrangement has gone live or was cancelled already.");
    await recordAudit(tx, { actorId: viewer.id, action: "front.cancel", entityType: "FrontLayout", entityId: id });
    return { id };
  });
}

/**
 * Puts live every scheduled arrangement whose time has come, oldest first (the latest due wins).
 * Safe to run twice at once: each moves only while still SCHEDULED. Returns how many went live.
 */
export async function applyDueFrontLayouts(now = new Date()): Promise<number> {
  const due = await db.frontLayout.findMany({
    where: { state: FrontLayoutState.SCHEDULED, goesLiveAt: { lte: now } },
    orderBy: { goesLiveAt: "asc" },
    select: { id: true },
  });
  let applied = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.frontLayout.updateMany({
        where: { id, state: FrontLayoutState.SCHEDULED },
        data: { state: FrontLayoutState.LIVE },
      });
      if (count === 0) return;
      await tx.frontLayout.updateMany({ where: { state: FrontLayoutState.LIVE, id: { not: id } }, data: { state: FrontLayoutState.PAST } });
      await recordAudit(tx, { actorId: null, action: "front.switch", entityType: "FrontLayout", entityId: id, data: { by: "scheduler" } });
      applied++;
    });
  }
  return applied;
}
