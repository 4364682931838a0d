import { db, type Tx } from "../db";
import { isReaderVisible } from "../articles/policy";
import type { ArticleStatus } from "../generated/prisma/enums";

/** A feed's row in FeedDeparture: the site's, or one section's by id (its address may change, its feed stays its own). */
const feedKey = (sectionId?: string | null) => (sectionId ? `section:${sectionId}` : "site");

/** Where a story stands, before or after a change: its status and section. */
type Place = { status: ArticleStatus; sectionId: string | null };

/**
 * Records the feeds a change takes a live story out of, in the transaction that makes it: the
 * site's and its section's when it leaves the site (unpublished), its old section's when it moves
 * to another while live. The stories still in a feed cannot tell when one left it, so this is what
 * keeps the feed's last change from going back (lastFeedDeparture). A time only moves forward,
 * whatever the clocks of the processes that write it.
 */
export async function recordFeedDepartures(tx: Tx, before: Place, after: Place, at = new Date()) {
  if (!isReaderVisible(before.status)) return;
  const offSite = !isReaderVisible(after.status);
  const left = [
    ...(offSite ? [feedKey()] : []),
    ...(before.sectionId && (offSite || after.sectionId !== before.sectionId) ? [feedKey(before.sectionId)] : []),
  ];
  for (const feed of left) {
    await tx.feedDeparture.upsert({ where: { feed }, create: { feed, at }, update: {} });
    await tx.feedDeparture.updateMany({ where: { feed, at: { lt: at } }, data: { at } });
  }
}

/** When a story last left the site's feed, or one section's (by its id); null when none ever did. One read by key. */
export async function lastFeedDeparture(sectionId?: string): Promise<Date | null> {
  const row = await db.feedDeparture.findUnique({ where: { feed: feedKey(sectionId) }, select: { at: true } });
  return row?.at ?? null;
}
