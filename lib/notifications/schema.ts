import { z } from "zod";
import { NotificationKind } from "../generated/prisma/enums";

/** Marks notifications read: the ids given, or all of the viewer's when `all` is set. */
export const markNotificationsReadSchema = z.object({
  ids: z.array(z.string().min(1)).max(200).default([]),
  all: z.boolean().default(false),
});
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  SUBMITTED: "submitted for review",
  RETURNED: "returned to its writer",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  CORRECTED: "corrected",
  HELD: "held back at its scheduled time",
  PHOTO_LICENSE_EXPIRED: "left showing a photo whose license has expired",
  WIRE_KILLED: "taken from a wire item the agency has killed or withdrawn",
  WIRE_UPDATED: "taken from a wire item the agency has sent a new version of",
};

/** Whether a notification's sentence names who did it ("by the scheduler" when nobody did): an expired license, or an agency's kill or new version, is nobody's doing here. */
export const notificationHasActor = (kind: NotificationKind) =>
  kind !== NotificationKind.PHOTO_LICENSE_EXPIRED && kind !== NotificationKind.WIRE_KILLED && kind !== NotificationKind.WIRE_UPDATED;
