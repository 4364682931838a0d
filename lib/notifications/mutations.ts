import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { parseOrThrow } from "../errors";
import { markNotificationsReadSchema, type MarkNotificationsReadInput } from "./schema";

/** Marks the viewer's own notifications read (any signed-in role; another person's ids match nothing). */
export async function markNotificationsRead(viewer: Viewer, input: MarkNotificationsReadInput, now = new Date()) {
  const data = parseOrThrow(markNotificationsReadSchema, input);
  if (!data.all && data.ids.length === 0) return { marked: 0 };
  const { count } = await db.notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...(data.all ? {} : { id: { in: data.ids } }) },
    data: { readAt: now },
  });
  return { marked: count };
}
