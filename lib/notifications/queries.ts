import { db } from "../db";
import type { Viewer } from "../auth/viewer";

/** How many of the viewer's notifications are unread (for the admin nav). */
export function countUnreadNotifications(viewer: Pick<Viewer, "id">): Promise<number> {
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

/** The viewer's notifications, newest first; only their own rows are ever read. */
export function listNotifications(viewer: Pick<Viewer, "id">, limit = 100) {
  return db.notification.findMany({
    where: { userId: viewer.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, articleId: true, headline: true, actorName: true, note: true, createdAt: true, readAt: true },
  });
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];
