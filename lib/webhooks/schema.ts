import { z } from "zod";
import { webUrlSchema } from "../security/urls";
import { webhookEventSchema } from "./events";

/** A form's checkboxes arrive as one string or several. */
const eventList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(webhookEventSchema, { error: "Choose events from the list." }).min(1, "Choose at least one event."),
);

export const createWebhookSchema = z.object({
  name: z.string().trim().min(1, "Name the webhook after the system it tells.").max(100, "Names can be at most 100 characters."),
  url: webUrlSchema,
  events: eventList,
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.string().min(1) });
export const resendDeliverySchema = z.object({ deliveryId: z.string().min(1) });

export const allowHostSchema = z.object({
  host: z
    .string()
    .trim()
    .toLowerCase()
    .transform((h) => h.replace(/^\[|\]$/g, "").replace(/\.$/, ""))
    .pipe(
      z
        .string()
        .min(1, "Enter a host name or IP address.")
        .max(253, "Host names can be at most 253 characters.")
        .regex(/^[a-z0-9.:-]+$/, "Enter only the host (such as hooks.internal or 10.0.0.5), without http:// or a port."),
    ),
  note: z.string().trim().max(200, "Notes can be at most 200 characters.").default(""),
});
