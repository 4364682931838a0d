import crypto from "node:crypto";
import type { Tx } from "../db";
import { env } from "../env";
import type { AuditInput } from "../audit/mutations";
import { articlePath } from "../articles/dto";
import { readerVisibleWhere } from "../articles/policy";
import { storyLanguage } from "../articles/language";
import { readSiteSettings } from "../settings/queries";
import { parseWebhookEvents, type WebhookEvent } from "./events";

/** The job kind of a webhook delivery (lib/webhooks/deliver.ts runs it). */
export const WEBHOOK_JOB = "webhook-delivery";

/** The webhook event an audited change announces, if any. */
export function webhookEventFor(event: Pick<AuditInput, "action" | "data">): WebhookEvent | null {
  switch (event.action) {
    case "article.published":
      // A story brought in by an import went live long ago where it came from: it is no news to
      // announce (ten thousand archive posts would each reach every social poster as "published").
      return event.data?.imported ? null : "story.published";
    case "article.unpublished":
      return "story.unpublished";
    case "article.correct":
      return "story.corrected";
    case "article.update": {
      // Set only for a save of a live story (lib/articles/mutations/update.ts); a draft's save announces nothing.
      const material = event.data?.materialUpdate;
      if (material === undefined) return null;
      return material ? "story.updated.material" : "story.updated.minor";
    }
    case "image.update":
    case "image.replace":
      return "photo.updated";
    default:
      return null;
  }
}

/**
 * Queues one delivery per webhook that wants the event a change announces, in the change's own
 * transaction (called by recordAudit): a delivery and its job exist exactly when the change does.
 */
export async function queueWebhookEvents(tx: Tx, event: AuditInput): Promise<void> {
  const name = webhookEventFor(event);
  if (!name) return;
  const hooks = (await tx.webhook.findMany({ where: { active: true }, select: { id: true, events: true } })).filter((h) =>
    parseWebhookEvents(h.events).includes(name),
  );
  if (hooks.length === 0) return;
  const payload = await describe(tx, name, event);
  if (!payload) return;
  const body = JSON.stringify(payload);
  const queueKey = `${event.entityType === "Image" ? "photo" : "story"}:${event.entityId}`;
  const now = new Date();
  for (const hook of hooks) {
    const delivery = await tx.webhookDelivery.create({
      data: { webhookId: hook.id, event: name, queueKey, body, createdAt: now, nextAttemptAt: now },
      select: { id: true },
    });
    await tx.job.create({ data: { kind: WEBHOOK_JOB, key: delivery.id, runAt: now, payload: "{}" } });
  }
}

const base = () => env.DATELINE_SITE_URL.replace(/\/$/, "");

/** The event's body: what happened, when, and enough of the story or photo to fetch the rest from the API. */
async function describe(tx: Tx, name: WebhookEvent, event: AuditInput) {
  const common = { id: crypto.randomUUID(), event: name, occurredAt: new Date().toISOString() };
  if (event.entityType === "Image") {
    // A photo that no live story shows is not public (the photo API answers 404): its change is no news.
    const shown = await tx.image.count({ where: { id: event.entityId, placements: { some: { article: readerVisibleWhere } } } });
    return shown ? { ...common, photo: { id: event.entityId, apiUrl: `${base()}/api/v1/photos/${event.entityId}` } } : null;
  }
  const story = await tx.article.findUnique({
    where: { id: event.entityId },
    select: { id: true, slug: true, headline: true, status: true, version: true, language: true, section: { select: { slug: true } } },
  });
  if (!story) return null;
  // The language of the headline (and the story), as the content API gives it: a receiver routes by it.
  const language = storyLanguage(story, await readSiteSettings(tx));
  const path = articlePath(story);
  // A correction's own words, as the story's page shows them under it.
  const correctionId = name === "story.corrected" && typeof event.data?.correctionId === "string" ? event.data.correctionId : null;
  const correction = correctionId
    ? await tx.correction.findUnique({ where: { id: correctionId }, select: { id: true, kind: true, text: true, createdAt: true } })
    : null;
  return {
    ...common,
    ...(name.startsWith("story.updated") ? { update: name === "story.updated.material" ? "material" : "minor" } : {}),
    ...(correction ? { correction: { ...correction, createdAt: correction.createdAt.toISOString() } } : {}),
    story: {
      id: story.id,
      slug: story.slug,
      headline: story.headline,
      language,
      status: story.status,
      version: story.version,
      path,
      url: `${base()}${path}`,
      apiUrl: `${base()}/api/v1/stories/${story.id}`,
      // A save that moved a live story's address (its slug or section): where it was (it answers 308 now).
      ...(typeof event.data?.movedFrom === "string"
        ? { previousPath: event.data.movedFrom, previousUrl: `${base()}${event.data.movedFrom}` }
        : {}),
    },
  };
}
