"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { allowOutboundHost, createWebhook, deleteWebhook, removeOutboundHost, resendDelivery } from "@/lib/webhooks/mutations";
import { allowHostSchema, createWebhookSchema, resendDeliverySchema, webhookIdSchema } from "@/lib/webhooks/schema";

const refresh = <T>(value: T) => {
  revalidatePath("/admin/webhooks", "layout");
  return value;
};

// Add a webhook; its signing secret is shown once (admins).
export const createWebhookAction = authedAction(createWebhookSchema, async (input, viewer) => refresh(await createWebhook(viewer, input)), {
  permission: "webhook.manage",
});

// Remove a webhook and its delivery log (admins).
export const deleteWebhookAction = authedAction(webhookIdSchema, async (input, viewer) => refresh(await deleteWebhook(viewer, input)), {
  permission: "webhook.manage",
});

// Send a delivery's event again, at the end of its queue (admins).
export const resendDeliveryAction = authedAction(
  resendDeliverySchema,
  async (input, viewer) => refresh(await resendDelivery(viewer, input)),
  {
    permission: "webhook.manage",
  },
);

// Let outgoing requests reach a host on a private network (admins).
export const allowHostAction = authedAction(allowHostSchema, async (input, viewer) => refresh(await allowOutboundHost(viewer, input)), {
  permission: "webhook.manage",
});

// Take a host off the allow-list (admins).
export const removeHostAction = authedAction(webhookIdSchema, async (input, viewer) => refresh(await removeOutboundHost(viewer, input)), {
  permission: "webhook.manage",
});
