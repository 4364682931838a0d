import { db } from "../db";
import { log } from "../log";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { assertOutboundAllowed, outboundFetch } from "../security/outbound";
import { parseWireDocument } from "./parse";
import { ingestWireItem } from "./ingest";
import { MAX_WIRE_DOCUMENT_BYTES, wireFeedIdSchema, wireFeedSchema, type WireFeedInput } from "./schema";
import { takeTurn } from "../ops/take-turn";

/**
 * Polled feeds: each enabled feed is fetched when its interval has passed, through the outbound
 * guard (lib/security/outbound.ts: public addresses only unless an admin allowed the host, size and
 * time limits), politely: with its own interval, the ETag and Last-Modified it last answered
 * (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304.
 */
export async function pollDueFeeds(now = new Date()): Promise<{ fetched: number; items: number }> {
  const due = await db.wireFeed.findMany({
    where: { enabled: true, nextFetchAt: { lte: now } },
    orderBy: { nextFetchAt: "asc" },
    take: 20,
  });
  let items = 0;
  for (const feed of due) {
    const next = new Date(now.getTime() + feed.intervalMin * 60_000);
    // Claim it first, so a slow answer is never fetched twice.
    const { count } = await db.wireFeed.updateMany({ where: { id: feed.id, nextFetchAt: feed.nextFetchAt }, data: { nextFetchAt: next } });
    if (count === 0) continue;
    try {
      const response = await outboundFetch(feed.url, {
        headers: {
          accept: "application/rss+xml, application/atom+xml, application/xml, application/json;q=0.9, */*;q=0.5",
          ...(feed.etag ? { "if-none-match": feed.etag } : {}),
          ...(feed.lastModified ? { "if-modified-since": feed.lastModified } : {}),
        },
        maxBytes: MAX_WIRE_DOCUMENT_BYTES,
        timeoutMs: 20_000,
      });
      if (response.status === 304) {
        await db.wireFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now, lastStatus: "Not changed (304)", lastError: "" } });
        continue;
      }
      if (response.status !== 200) throw new Error(`The feed answered ${response.status}.`);
      const parsed = parseWireDocument(response.body.toString("utf8"), { agency: feed.agency });
      let fresh = 0;
      for (const item of parsed) {
        const outcome = await ingestWireItem({ ...item, agency: feed.agency }, `feed:${feed.id}`, null, feed.url);
        if (outcome.outcome !== "ignored") fresh++;
        await takeTurn();
      }
      items += fresh;
      await db.wireFeed.update({
        where: { id: feed.id },
        data: {
          etag: response.headers["etag"]?.slice(0, 500) ?? null,
          lastModified: response.headers["last-modified"]?.slice(0, 100) ?? null,
          lastFetchedAt: now,
          lastStatus: `${parsed.length} entries, ${fresh} new or changed`,
          lastError: "",
        },
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      log("warn", "a wire feed could not be fetched", { feed: feed.id, error: message });
      await db.wireFeed.update({ where: { id: feed.id }, data: { lastFetchedAt: now, lastError: message } });
    }
  }
  return { fetched: due.length, items };
}

/** Adds a feed to poll (admins). */
export async function addWireFeed(viewer: Viewer, input: WireFeedInput) {
  assertPermission(viewer, "wire.manage", "Only admins can configure wire feeds.");
  const data = parseOrThrow(wireFeedSchema, input);
  await assertOutboundAllowed(data.url);
  return db.$transaction(async (tx) => {
    if (await tx.wireFeed.findFirst({ where: { url: data.url }, select: { id: true } }))
      throw new AppError("invalid", "This feed is already polled.", { url: ["This feed is already polled."] });
    const feed = await tx.wireFeed.create({ data: { ...data, createdById: viewer.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "wire.feed.add",
      entityType: "WireFeed",
      entityId: feed.id,
      data: { url: data.url },
    });
    return feed;
  });
}

/** Stops polling a feed and forgets it; its items stay (admins). */
export async function removeWireFeed(viewer: Viewer, input: { id: string }) {
  assertPermission(viewer, "wire.manage", "Only admins can configure wire feeds.");
  const { id } = parseOrThrow(wireFeedIdSchema, input);
  return db.$transaction(async (tx) => {
    const feed = await tx.wireFeed.findUnique({ where: { id }, select: { name: true, url: true } });
    const { count } = await tx.wireFeed.deleteMany({ where: { id } });
    if (!feed || count === 0) throw new AppError("not_found", "That feed no longer exists.");
    // Named in the audit log, which cannot look a removed feed up.
    await recordAudit(tx, { actorId: viewer.id, action: "wire.feed.remove", entityType: "WireFeed", entityId: id, data: feed });
    return { id };
  });
}
