import { z } from "zod";
import { MAX_HOST_LENGTH, parseHostEntry } from "../security/host-entry";
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

const TOO_LONG = `Enter a host name of at most ${MAX_HOST_LENGTH} characters, with its port.`;

export const allowHostSchema = z.object({
  host: z
    .string()
    .max(300, TOO_LONG)
    .transform((raw, ctx) => {
      const entry = raw.trim() ? parseHostEntry(raw) : null;
      if (entry) return entry;
      ctx.addIssue({
        code: "custom",
        message: !raw.trim()
          ? "Enter a host name or IP address."
          : raw.trim().replace(/:(\d{1,5}|\*)$/, "").length > MAX_HOST_LENGTH
            ? TOO_LONG
            : "Enter only the host (such as hooks.internal or 10.0.0.5), with :port for a port other than 80 and 443, without http:// or a path.",
      });
      return z.NEVER;
    }),
  note: z.string().trim().max(200, "Notes can be at most 200 characters.").default(""),
});
