import { NavLink } from "@/components/admin/nav-link";
import type { Viewer } from "@/lib/auth/viewer";
import { countUnreadNotifications } from "@/lib/notifications/queries";

/** The admin nav's link to the notifications, with the unread count. */
export async function NotificationsLink({ viewer }: { viewer: Viewer }) {
  const unread = await countUnreadNotifications(viewer);
  return (
    <NavLink
      href="/admin/notifications"
      aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      data-testid="notifications-link"
    >
      Notifications
      {unread > 0 ? (
        <span className="unread-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </NavLink>
  );
}
