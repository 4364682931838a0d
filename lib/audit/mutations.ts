import type { Tx } from "../db";
import { currentApiKeyId } from "../apikeys/context";
import { queueWebhookEvents } from "../webhooks/emit";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType:
    | "Article"
    | "User"
    | "Image"
    | "Section"
    | "Tag"
    | "Author"
    | "Setting"
    | "FrontLayout"
    | "DraftLink"
    | "ApiKey"
    | "Webhook"
    | "Import"
    | "WireItem"
    | "WireFeed";
  entityId: string;
  data?: Record<string, unknown>;
};

/**
 * Records who did what to which record; call inside the transaction that made the change. A change
 * made through the API carries the key's id (the actor is the key's user). The same transaction
 * queues the webhook deliveries the change calls for (lib/webhooks/emit.ts), so a change that is
 * saved is announced, and one that is rolled back is not.
 */
export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  const apiKeyId = currentApiKeyId();
  if (apiKeyId) event = { ...event, data: { ...event.data, apiKeyId } };
  await queueWebhookEvents(tx, event);
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data === undefined ? undefined : JSON.parse(JSON.stringify(event.data)),
    },
  });
}
