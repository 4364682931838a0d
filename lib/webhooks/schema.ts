import { z } from "zod";
import { MAX_HOST_LENGTH, readHostEntry, type HostEntryProblem } from "../security/host-entry";
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

const HOST_MESSAGES: Record<HostEntryProblem, string> = {
  empty: "Enter a host name or IP address.",
  "too long": `Enter a host name of at most ${MAX_HOST_LENGTH} characters, with its port.`,
  "not a host":
    "Enter only the host (such as hooks.internal or 10.0.0.5), with :port for a port other than 80 and 443, without http:// or a path.",
};

export const allowHostSchema = z.object({
  host: z
    .string()
    .max(300, HOST_MESSAGES["too long"])
    .transform((raw, ctx) => {
      const read = readHostEntry(raw);
      if ("entry" in read) return read.entry;
      ctx.addIssue({ code: "custom", message: HOST_MESSAGES[read.problem] });
      return z.NEVER;
    }),
  note: z.string().trim().max(200, "Notes can be at most 200 characters.").default(""),
});
