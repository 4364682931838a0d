import { db, typedSearch, type Tx } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { WireFacts } from "./policy";
import type { WireListQuery } from "./schema";

export const WIRE_PAGE_SIZE = 50;

/** The wire item a story was taken from, as the publish rule needs it (embargo, kill), or null. */
export async function wireFactsForStory(tx: Tx | typeof db, articleId: string): Promise<WireFacts> {
  const take = await tx.wireTake.findUnique({
    where: { articleId },
    select: { item: { select: { agency: true, embargoAt: true, status: true } } },
  });
  return take ? take.item : null;
}

/** Newer versions of the item a story was taken from, sent after it was taken, with what each changed. */
export type WireUpdate = { itemId: string; agency: string; taken: number; version: number; says: string; changes: string[] };

/**
 * The wire item a story was taken from, for its editor, in one read: the publish rule's facts
 * (embargo, kill; null when the story was not taken from the wire) and the versions the agency sent
 * after the take (an agency's correction or update the editor must weigh), null when there are none,
 * or when the item was killed or withdrawn (the kill's own warning says that).
 */
export async function wireForEditor(articleId: string): Promise<{ facts: WireFacts; update: WireUpdate | null }> {
  const take = await db.wireTake.findUnique({
    where: { articleId },
    select: {
      version: true,
      item: { select: { id: true, agency: true, embargoAt: true, version: true, status: true, format: true } },
    },
  });
  if (!take) return { facts: null, update: null };
  const { item } = take;
  const facts = { agency: item.agency, embargoAt: item.embargoAt, status: item.status };
  if (item.version <= take.version || item.status !== "USABLE") return { facts, update: null };
  const versions = await db.wireItemVersion.findMany({
    where: { itemId: item.id, version: { gt: take.version } },
    select: { changes: true },
    orderBy: { version: "asc" },
  });
  const changes = versions.flatMap((v) => (Array.isArray(v.changes) ? v.changes.filter((c): c is string => typeof c === "string") : []));
  // A feed's versions are its entries' update times, no numbers to quote.
  const numbered = item.format !== "rss" && item.format !== "atom";
  const says = numbered
    ? `${item.agency} sent version ${item.version} of the wire item this story was taken from, after it was taken (version ${take.version}).`
    : `${item.agency} updated the wire item this story was taken from, after it was taken.`;
  return { facts, update: { itemId: item.id, agency: item.agency, taken: take.version, version: item.version, says, changes } };
}

/** For the desk's story list: the stories among `articleIds` taken from an item the agency killed or withdrew. */
export async function wireFlagsForStories(articleIds: string[]): Promise<Map<string, WireFacts>> {
  if (articleIds.length === 0) return new Map();
  const takes = await db.wireTake.findMany({
    where: { articleId: { in: articleIds }, item: { status: { not: "USABLE" } } },
    select: { articleId: true, item: { select: { agency: true, embargoAt: true, status: true } } },
  });
  return new Map(takes.map((t) => [t.articleId, t.item]));
}

/** The desk's list, newest first: text search over headline, byline, dateline and copy; agency filter (wire.view). */
export async function listWireItems(viewer: Viewer, query: WireListQuery) {
  assertPermission(viewer, "wire.view");
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const sought = words.flatMap((word) => typedSearch(word));
  const where: Prisma.WireItemWhereInput = {
    ...(query.agency ? { agency: query.agency } : {}),
    ...(sought.length ? { AND: sought.map((text) => ({ searchText: text })) } : {}),
  };
  const [items, total, agencies] = await Promise.all([
    db.wireItem.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * WIRE_PAGE_SIZE,
      take: WIRE_PAGE_SIZE,
      select: {
        id: true,
        agency: true,
        headline: true,
        priority: true,
        urgency: true,
        embargoAt: true,
        receivedAt: true,
        version: true,
        status: true,
        format: true,
        _count: { select: { photos: true, takes: true } },
      },
    }),
    db.wireItem.count({ where }),
    db.wireItem.findMany({ distinct: ["agency"], select: { agency: true }, orderBy: { agency: "asc" }, take: 200 }),
  ]);
  return { items, total, agencies: agencies.map((a) => a.agency), pageSize: WIRE_PAGE_SIZE };
}

/** One item with its photos (without their bytes), versions and the stories taken from it (wire.view). */
export async function getWireItemOrThrow(viewer: Viewer, id: string) {
  assertPermission(viewer, "wire.view");
  const item = await db.wireItem.findUnique({
    where: { id },
    select: {
      id: true,
      guid: true,
      version: true,
      agency: true,
      format: true,
      via: true,
      headline: true,
      body: true,
      byline: true,
      dateline: true,
      priority: true,
      urgency: true,
      embargoAt: true,
      language: true,
      link: true,
      status: true,
      statusNote: true,
      versionAt: true,
      receivedAt: true,
      changes: true,
      photos: {
        orderBy: { position: "asc" },
        select: { id: true, href: true, caption: true, credit: true, rights: true, altText: true, mimeType: true },
      },
      versions: { orderBy: { version: "desc" }, select: { version: true, headline: true, status: true, receivedAt: true, changes: true } },
      takes: { orderBy: { takenAt: "desc" }, select: { articleId: true, version: true, takenAt: true } },
    },
  });
  if (!item) throw new AppError("not_found", "That wire item does not exist.");
  const stories = await db.article.findMany({
    where: { id: { in: item.takes.map((t) => t.articleId) } },
    select: { id: true, headline: true, status: true },
  });
  const byId = new Map(stories.map((s) => [s.id, s]));
  // Which photos came with their file (the desk can show those); the others are fetched when taken.
  const kept = new Set(
    (await db.wirePhoto.findMany({ where: { itemId: id, data: { not: null } }, select: { id: true } })).map((p) => p.id),
  );
  // Who pushed it (the connector account its key is for, wireRoute): two accounts may send the same agency's name.
  const pusher = /^push:(\S+) /.exec(item.guid)?.[1];
  const pushedBy = pusher ? ((await db.user.findUnique({ where: { id: pusher }, select: { name: true } }))?.name ?? null) : null;
  return {
    ...item,
    pushedBy,
    photos: item.photos.map((p) => ({ ...p, fileKept: kept.has(p.id) })),
    takes: item.takes.flatMap((t) => {
      const story = byId.get(t.articleId);
      return story ? [{ ...t, story }] : [];
    }),
  };
}
export type WireItemView = Awaited<ReturnType<typeof getWireItemOrThrow>>;

/** The feeds the desk polls (wire.manage). */
export async function listWireFeeds(viewer: Viewer) {
  assertPermission(viewer, "wire.manage");
  return db.wireFeed.findMany({ orderBy: { createdAt: "asc" } });
}

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"]);

/** A wire photo's bytes, when they came with the item, served only as one of the photo types (wire.view, checked by the route). */
export async function wirePhotoFile(id: string): Promise<{ data: Uint8Array; mimeType: string }> {
  const photo = await db.wirePhoto.findUnique({ where: { id }, select: { data: true, mimeType: true } });
  if (!photo?.data)
    throw new AppError("not_found", "That photo's file is not kept here (it is fetched from the agency when the item is taken).");
  return { data: photo.data, mimeType: IMAGE_TYPES.has(photo.mimeType) ? photo.mimeType : "application/octet-stream" };
}
