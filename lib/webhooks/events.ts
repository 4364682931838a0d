import { z } from "zod";

/**
 * What a webhook can ask to hear about. A live story's save is either a material update or a minor
 * fix. Only what readers could see is announced: there is no "story deleted", since only a story
 * that never ran can be deleted, and a photo's change is announced while a live story shows it.
 */
export const WEBHOOK_EVENTS = [
  "story.published",
  "story.updated.material",
  "story.updated.minor",
  "story.corrected",
  "story.unpublished",
  "photo.updated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "story.published": "Story published",
  "story.updated.material": "Live story updated (material update)",
  "story.updated.minor": "Live story updated (minor fix)",
  "story.corrected": "Correction added",
  "story.unpublished": "Story unpublished",
  "photo.updated": "Photo updated (details or file)",
};

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);

/** Whether an event is one Dateline still sends (a delivery queued by an older version may name "story.deleted"). */
export const isWebhookEvent = (event: string): event is WebhookEvent => webhookEventSchema.safeParse(event).success;

/**
 * The events a webhook stores (a JSON array), read back defensively: an event no longer offered
 * (a list saved by an older version asked for "story.deleted") is left out, not the whole list.
 */
export function parseWebhookEvents(stored: string): WebhookEvent[] {
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data.filter((e): e is WebhookEvent => typeof e === "string" && isWebhookEvent(e)) : [];
  } catch {
    return [];
  }
}
