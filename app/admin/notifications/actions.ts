"use server";

import { authedAction } from "@/lib/auth/action";
import { markNotificationsRead } from "@/lib/notifications/mutations";
import { markNotificationsReadSchema } from "@/lib/notifications/schema";

// Mark the caller's own notifications read (any signed-in role: desk.view).
export const markNotificationsReadAction = authedAction(
  markNotificationsReadSchema,
  (input, viewer) => markNotificationsRead(viewer, input),
  {
    permission: "desk.view",
  },
);
