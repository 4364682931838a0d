import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { recordAudit } from "../audit/mutations";
import { ArticleStatus, NotificationKind, WireStatus } from "../generated/prisma/enums";
import { notifyWorkflow } from "../notifications/fanout";
import { bodySchema, bodyToText, bodyFromParagraphs, MAX_BODY_BYTES, type BodyDoc } from "../articles/body";
import { convertContent, htmlToText } from "../import/wordpress/body";
import { diffParagraphs } from "../format/text-diff";
import { WIRE_STATUS_LABELS, type ParsedWireItem } from "./schema";
import { quoted } from "../format/text";

/** The photos kept of one item. */
const MAX_PHOTOS = 20;

export type IngestOutcome = { id: string; guid: string; version: number; outcome: "created" | "updated" | "ignored"; status: WireStatus };

/**
 * The copy as Dateline's body document, through the WordPress import's HTML converter (nothing
 * kept as HTML; photos in the copy are left out: a wire item's photos come as its own photos).
 */
export function wireBody(html: string, link: string | null): BodyDoc {
  const { doc } = convertContent(html, { baseUrl: link ?? "", photos: new Map() });
  const parsed = bodySchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  // Too large or too nested for a story: its text, a paragraph for each of its paragraphs and
  // line breaks (the source's own newlines are only spacing), as many as a story holds.
  const segments = html
    .replace(/\r?\n/g, " ")
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|blockquote|tr|pre)\s*>/gi, "\n")
    .split("\n");
  const lines: string[] = [];
  let bytes = 0;
  for (const segment of segments) {
    const line = htmlToText(segment).slice(0, 20_000);
    if (!line) continue;
    // Each paragraph's JSON costs about 60 bytes besides its text: stop before the body's limit.
    bytes += Buffer.byteLength(line) + 64;
    if (lines.length >= 5000 || bytes > MAX_BODY_BYTES) break;
    lines.push(line);
  }
  for (let count = lines.length; count > 0; count = Math.floor(count * 0.9)) {
    const fitted = bodySchema.safeParse(bodyFromParagraphs(lines.slice(0, count)));
    if (fitted.success) return fitted.data;
  }
  return bodyFromParagraphs([]);
}

type Before = {
  headline: string;
  bodyText: string;
  byline: string;
  dateline: string;
  embargoAt: Date | null;
  urgency: number | null;
  priority: number | null;
  status: WireStatus;
  photoCount: number;
};

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "none");

/** What a version changed against the one before it, as sentences the desk shows. */
export function describeChanges(before: Before, after: Before): string[] {
  const out: string[] = [];
  if (before.status !== after.status) out.push(`Status: ${WIRE_STATUS_LABELS[before.status]} → ${WIRE_STATUS_LABELS[after.status]}.`);
  if (before.headline !== after.headline) out.push(`Headline: ${quoted(before.headline)} → ${quoted(after.headline)}.`);
  if (before.dateline !== after.dateline) out.push(`Dateline: “${before.dateline}” → “${after.dateline}”.`);
  if (before.byline !== after.byline) out.push(`Byline: “${before.byline}” → “${after.byline}”.`);
  if (+(before.embargoAt ?? 0) !== +(after.embargoAt ?? 0)) out.push(`Embargo: ${when(before.embargoAt)} → ${when(after.embargoAt)}.`);
  if (before.urgency !== after.urgency) out.push(`Urgency: ${before.urgency ?? "none"} → ${after.urgency ?? "none"}.`);
  if (before.priority !== after.priority) out.push(`Priority: ${before.priority ?? "none"} → ${after.priority ?? "none"}.`);
  if (before.bodyText !== after.bodyText) {
    const lines = diffParagraphs(before.bodyText, after.bodyText);
    const count = (kind: string) => lines.filter((l) => l.kind === kind).length;
    const parts = [
      count("changed") && `${count("changed")} changed`,
      count("added") && `${count("added")} added`,
      count("removed") && `${count("removed")} removed`,
    ].filter(Boolean);
    out.push(
      `Copy: ${parts.length ? parts.join(", ") : "reworded"} paragraph${parts.length === 1 && /^1 /.test(String(parts[0])) ? "" : "s"}.`,
    );
  }
  if (before.photoCount !== after.photoCount) out.push(`Photos: ${before.photoCount} → ${after.photoCount}.`);
  return out;
}

const searchTextOf = (p: { headline: string; byline: string; dateline: string; agency: string }, bodyText: string) =>
  [p.headline, p.byline, p.dateline, p.agency, bodyText].join("\n").toLowerCase().slice(0, 200_000);

/**
 * The route an item came by, which its key names (wireKey): the user a push API key is for (an
 * agency's connector account: a new key for it keeps the route), the watched folder, or a polled
 * feed's address (a feed removed and added again keeps it).
 */
export function wireRoute(via: string, actorId: string | null, feedUrl?: string): string {
  if (via === "push") return `push:${actorId ?? ""}`;
  if (feedUrl) return `feed:${crypto.createHash("sha256").update(feedUrl).digest("hex").slice(0, 16)}`;
  return via;
}

/**
 * The key an item is stored and found by: its route (wireRoute) before the GUID the agency gave.
 * A GUID is unique only within its sender, a URI one too: from a security probe, one agency's key
 * pushed another's URI GUID with a higher version and replaced its copy, then killed it (a feed's
 * bare "1001" did the same before). Only the route an item came by updates or kills it.
 */
export function wireKey(guid: string, route: string): string {
  return `${route} ${guid}`.slice(0, 700);
}

const ROUTE_PREFIX = /^(?:push:\S*|feed:\S+|folder) /;

/** The GUID the agency gave, from the key it is stored by (wireKey; before routes, the agency's name or nothing). */
export function agencyGuid(item: { guid: string; agency: string }): string {
  const route = ROUTE_PREFIX.exec(item.guid);
  if (route) return item.guid.slice(route[0].length);
  return item.guid.startsWith(`${item.agency} `) ? item.guid.slice(item.agency.length + 1) : item.guid;
}

/** The keys an item stored before keys named its route may have: its bare URI GUID, or the agency's name before its GUID. */
function legacyKeys(guid: string, agency: string): string[] {
  return [guid, `${agency} ${guid}`.slice(0, 700)];
}

/**
 * Stores one wire item, deduplicated by route and GUID (wireKey) and version: a newer version replaces the stored one
 * and records what changed; an older or the same version is ignored, except that a kill or
 * withdrawal notice is never ignored, whatever version it carries (an agency may send it with the
 * version it cancels, or none): an older one changes the item's status alone. A feed's entry
 * whose date did not move but whose copy did is the next version.
 * `via`: "push", "folder" or "feed:<feed id>"; `actorId`: the push key's user, or null (folder,
 * feeds); `feedUrl`: a polled feed's address. Nothing is ever published here.
 */
export async function ingestWireItem(
  item: ParsedWireItem,
  via: string,
  actorId: string | null = null,
  feedUrl?: string,
): Promise<IngestOutcome> {
  let parsed = item;
  const body = wireBody(parsed.bodyHtml, parsed.link);
  const bodyText = bodyToText(body);
  const key = wireKey(parsed.guid, wireRoute(via, actorId, feedUrl));
  return db.$transaction(async (tx) => {
    const select = {
      id: true,
      version: true,
      headline: true,
      bodyText: true,
      byline: true,
      dateline: true,
      embargoAt: true,
      urgency: true,
      priority: true,
      status: true,
      changes: true,
      language: true,
      link: true,
      versionAt: true,
      _count: { select: { photos: true } },
    } as const;
    // An item stored before keys named its route is found by its old key, from the same route (a
    // pushed one, only by the user whose key first pushed it: its "wire.receive" audit entry), and
    // keyed anew, so that its next version and its kill still reach it.
    let stored = await tx.wireItem.findUnique({ where: { guid: key }, select });
    if (!stored) {
      const legacy = await tx.wireItem.findFirst({
        where: { guid: { in: legacyKeys(parsed.guid, parsed.agency) }, agency: parsed.agency, via },
        select,
      });
      const sameSender =
        legacy &&
        (via !== "push" ||
          (actorId !== null &&
            (await tx.auditEvent.count({ where: { entityType: "WireItem", entityId: legacy.id, action: "wire.receive", actorId } })) > 0));
      if (legacy && sameSender) {
        await tx.wireItem.update({ where: { id: legacy.id }, data: { guid: key } });
        stored = legacy;
      }
    }
    const existing = stored;
    const notice = parsed.status !== WireStatus.USABLE;
    // A feed's entry has no version but its date, and an RSS correction often keeps its pubDate:
    // the same date with anything the desk would list as changed is the next version all the same
    // (a probe's was ignored).
    const feed = parsed.format === "rss" || parsed.format === "atom";
    const photoCount = Math.min(parsed.photos.length, MAX_PHOTOS);
    if (
      feed &&
      existing &&
      !notice &&
      +(existing.versionAt ?? 0) === +(parsed.versionAt ?? 0) &&
      describeChanges({ ...existing, photoCount: existing._count.photos }, { ...parsed, bodyText, photoCount }).length > 0
    ) {
      // ... unless its copy is one this item had before at that date (a feed served from mirrors
      // out of step would otherwise make a version, and a notice, at every poll). A change that
      // keeps the copy (a byline, a dateline) is not asked: the current version has that copy.
      const copyChanged = existing.headline !== parsed.headline || existing.bodyText !== bodyText;
      if (!copyChanged || !(await tx.wireItemVersion.count({ where: { itemId: existing.id, headline: parsed.headline, bodyText } })))
        parsed = { ...parsed, version: Math.max(parsed.version, existing.version + 1) };
    }
    const newNotice = notice && existing !== null && existing.status !== parsed.status;
    if (existing && !newNotice && parsed.version <= existing.version) {
      return { id: existing.id, guid: parsed.guid, version: existing.version, outcome: "ignored" as const, status: existing.status };
    }
    if (existing && parsed.version < existing.version) {
      // A kill or withdrawal of an earlier version, or of none (it counts as 1), cancels the item all
      // the same: only its status changes; the newer copy, and its version, stay as they were.
      // The status line is added to what the current version changed, on the item and on that
      // version's record, so the desk's versions list shows the kill too.
      const before = { ...existing, photoCount: existing._count.photos };
      const status = describeChanges(before, { ...before, status: parsed.status });
      const earlier = Array.isArray(existing.changes) ? existing.changes.filter((c): c is string => typeof c === "string") : [];
      const changes = [...earlier, ...status];
      await tx.wireItem.update({
        where: { id: existing.id },
        data: { status: parsed.status, statusNote: parsed.statusNote, receivedAt: new Date(), changes },
      });
      await tx.wireItemVersion.updateMany({
        where: { itemId: existing.id, version: existing.version },
        data: { status: parsed.status, changes },
      });
      await recordAudit(tx, {
        actorId,
        action: `wire.${parsed.status.toLowerCase()}`,
        entityType: "WireItem",
        entityId: existing.id,
        data: { guid: parsed.guid.slice(0, 200), version: parsed.version, via, changes },
      });
      await tellOfTakes(tx, existing.id, NotificationKind.WIRE_KILLED, killNotice(parsed));
      return { id: existing.id, guid: parsed.guid, version: existing.version, outcome: "updated" as const, status: parsed.status };
    }
    // A kill with no copy of its own keeps the copy it cancels, its photos, and what else it does
    // not say (a probe's kill blanked the byline, dateline and urgency of the copy it cancelled).
    const keepCopy = notice && existing && !bodyText.trim();
    const kept = keepCopy
      ? {
          headline: existing.headline,
          bodyText: existing.bodyText,
          byline: parsed.byline || existing.byline,
          dateline: parsed.dateline || existing.dateline,
          priority: parsed.priority ?? existing.priority,
          urgency: parsed.urgency ?? existing.urgency,
          embargoAt: parsed.embargoAt ?? existing.embargoAt,
          language: parsed.language || existing.language,
          link: parsed.link ?? existing.link,
          photoCount: existing._count.photos,
        }
      : null;
    const next = { ...parsed, bodyText, photoCount, ...kept };
    const changes = existing ? describeChanges({ ...existing, photoCount: existing._count.photos }, next) : [];
    const fields = {
      version: parsed.version,
      agency: parsed.agency,
      format: parsed.format,
      via,
      headline: next.headline,
      ...(keepCopy ? {} : { body, bodyText }),
      byline: next.byline,
      dateline: next.dateline,
      priority: next.priority,
      urgency: next.urgency,
      embargoAt: next.embargoAt,
      language: next.language,
      link: next.link,
      status: parsed.status,
      statusNote: parsed.statusNote,
      searchText: searchTextOf(next, next.bodyText),
      versionAt: parsed.versionAt,
      receivedAt: new Date(),
      changes: existing ? changes : undefined,
      raw: parsed.raw,
    };
    const item = existing
      ? await tx.wireItem.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.wireItem.create({ data: { guid: key, ...fields, body, bodyText }, select: { id: true } });
    if (!keepCopy) {
      if (existing) await tx.wirePhoto.deleteMany({ where: { itemId: item.id } });
      await savePhotos(tx, item.id, parsed);
    }
    await tx.wireItemVersion.upsert({
      where: { itemId_version: { itemId: item.id, version: parsed.version } },
      create: {
        itemId: item.id,
        version: parsed.version,
        headline: fields.headline,
        bodyText: next.bodyText,
        status: parsed.status,
        embargoAt: next.embargoAt,
        changes: existing ? changes : undefined,
        raw: parsed.raw,
      },
      update: { status: parsed.status, changes, raw: parsed.raw },
    });
    await recordAudit(tx, {
      actorId,
      action: notice ? `wire.${parsed.status.toLowerCase()}` : existing ? "wire.update" : "wire.receive",
      entityType: "WireItem",
      entityId: item.id,
      data: { guid: parsed.guid.slice(0, 200), version: parsed.version, via, changes: existing ? changes : undefined },
    });
    if (newNotice) await tellOfTakes(tx, item.id, NotificationKind.WIRE_KILLED, killNotice(parsed));
    else if (existing && !notice && changes.length)
      await tellOfTakes(
        tx,
        item.id,
        NotificationKind.WIRE_UPDATED,
        `${parsed.agency} sent version ${parsed.version}: ${changes.join(" ")}`.slice(0, 1500),
      );
    return {
      id: item.id,
      guid: parsed.guid,
      version: parsed.version,
      outcome: existing ? ("updated" as const) : ("created" as const),
      status: parsed.status,
    };
  });
}

/**
 * A kill or withdrawal, or a new version, reaches the stories readers see, or will see, that were
 * taken from the item. Of a kill, their writers and the editors are told at once (the desk's list
 * and the editor flag the story, and it cannot be published or go live at its time, but a live
 * story stays up until someone takes it down); of a new version, their writers (the editor who
 * took it made the story) are told what changed (before, only the story's editor showed it).
 */
async function tellOfTakes(tx: Tx, itemId: string, kind: "WIRE_KILLED" | "WIRE_UPDATED", what: string) {
  const takes = await tx.wireTake.findMany({ where: { itemId }, select: { articleId: true } });
  if (takes.length === 0) return;
  const stories = await tx.article.findMany({
    where: { id: { in: takes.map((t) => t.articleId) }, status: { in: [ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED] } },
    select: { id: true, status: true },
  });
  for (const story of stories) {
    const next = WHAT_TO_DO[kind][story.status === ArticleStatus.PUBLISHED ? "live" : "scheduled"];
    await notifyWorkflow(tx, { articleId: story.id, kind, actor: null, note: `${what} ${next}` });
  }
}

/** What a take's writers are told to do, by the news of the item and where their story stands. */
const WHAT_TO_DO = {
  WIRE_KILLED: {
    live: "The story is live: unpublish it, or check it against the agency's notice.",
    scheduled: "The story is scheduled: it will be held at its time.",
  },
  WIRE_UPDATED: {
    live: "The story is live: check it against the new version.",
    scheduled: "The story is scheduled: check it against the new version before its time.",
  },
} as const;

/** A kill's notice: who killed or withdrew it, and the agency's own words. */
const killNotice = (parsed: ParsedWireItem) =>
  `${WIRE_STATUS_LABELS[parsed.status]} by ${parsed.agency}${parsed.statusNote ? `: “${parsed.statusNote.slice(0, 300)}”` : ""}.`;

async function savePhotos(tx: Tx, itemId: string, parsed: ParsedWireItem) {
  if (parsed.photos.length === 0) return;
  await tx.wirePhoto.createMany({
    data: parsed.photos.slice(0, MAX_PHOTOS).map((photo, position) => ({
      itemId,
      position,
      href: photo.href,
      caption: photo.caption,
      credit: photo.credit,
      rights: photo.rights,
      altText: photo.altText,
      mimeType: photo.mimeType,
      data: photo.data ? new Uint8Array(photo.data) : null,
    })),
  });
}
