import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";
import { NOTIFICATION_LABELS, notificationHasActor } from "@/lib/notifications/schema";
import { getSiteSettings } from "@/lib/cache/public-data";
import { formatDateTime } from "@/lib/format/time";
import { MarkReadButton } from "./mark-read-button";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await requirePermission("desk.view", "/admin/notifications");
  const [rows, { timeZone }] = await Promise.all([listNotifications(viewer), getSiteSettings()]);
  const unread = rows.filter((r) => !r.readAt).length;
  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        {unread > 0 ? <MarkReadButton all label="Mark all as read" /> : null}
      </div>
      <p className="muted" aria-live="polite">
        {unread === 0 ? "Nothing unread." : `${unread} unread.`}
      </p>
      {rows.length === 0 ? (
        <p className="muted">
          Nothing yet. You hear here when your stories are returned, scheduled, published or corrected, or held back at their scheduled
          time, and editors when a story is submitted for review or a live story&apos;s photo license expires; both when the agency kills
          the wire item a live or scheduled story was taken from, and you when it sends a new version of the item one of yours was.
        </p>
      ) : (
        <ul className="plain-list notifications" data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? "" : " unread"}`}>
              <p>
                {n.readAt ? null : <span className="badge">New</span>} <Link href={`/admin/articles/${n.articleId}`}>{n.headline}</Link> was{" "}
                {NOTIFICATION_LABELS[n.kind]}
                {n.actorName ? ` by ${n.actorName}` : notificationHasActor(n.kind) ? " by the scheduler" : ""}.
              </p>
              {n.note ? <blockquote className="return-note-text">{n.note}</blockquote> : null}
              <p className="muted">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, timeZone)}</time>{" "}
                {n.readAt ? null : <MarkReadButton ids={[n.id]} label="Mark read" />}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
