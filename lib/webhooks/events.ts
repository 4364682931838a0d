import { z } from "zod";

/** What a webhook can ask to hear about. A live story's save is either a material update or a minor fix. */
export const WEBHOOK_EVENTS = [
  "story.published",
  "story.updated.material",
  "story.updated.minor",
  "story.corrected",
  "story.unpublished",
  "story.deleted",
  "photo.updated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "story.published": "Story published",
  "story.updated.material": "Live story updated (material update)",
  "story.updated.minor": "Live story updated (minor fix)",
  "story.corrected": "Correction added",
  "story.unpublished": "Story unpublished",
  "story.deleted": "Story deleted",
  "photo.updated": "Photo updated (details or file)",
};

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);

/** The events a webhook stores (a JSON array), read back defensively. */
export function parseWebhookEvents(stored: string): WebhookEvent[] {
  try {
    const parsed = z.array(webhookEventSchema).safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
