import crypto from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { assertOutboundAllowed } from "../security/outbound";
import { allowHostSchema, createWebhookSchema, resendDeliverySchema, webhookIdSchema, type CreateWebhookInput } from "./schema";
import { WEBHOOK_JOB } from "./emit";
import { isWebhookEvent } from "./events";

const ADMINS_ONLY = "Only admins can manage webhooks.";

/** Adds a webhook (admins). Its signing secret is returned this once. */
export async function createWebhook(viewer: Viewer, input: CreateWebhookInput) {
  assertPermission(viewer, "webhook.manage", ADMINS_ONLY);
  const data = parseOrThrow(createWebhookSchema, input);
  await assertOutboundAllowed(data.url);
  const secret = `whsec_${crypto.randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.create({
      data: { name: data.name, url: data.url, events: JSON.stringify([...new Set(data.events)]), secret, createdById: viewer.id },
      select: { id: true, name: true, url: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.create",
      entityType: "Webhook",
      entityId: hook.id,
      data: { name: hook.name, url: hook.url, events: data.events },
    });
    return { ...hook, secret };
  });
}

/** Removes a webhook and its delivery log (admins). */
export async function deleteWebhook(viewer: Viewer, input: { id: string }) {
  assertPermission(viewer, "webhook.manage", ADMINS_ONLY);
  const { id } = parseOrThrow(webhookIdSchema, input);
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id }, select: { id: true, name: true, url: true } });
    if (!hook) throw new AppError("not_found", "That webhook no longer exists.");
    await tx.webhook.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.delete",
      entityType: "Webhook",
      entityId: id,
      data: { name: hook.name, url: hook.url },
    });
    return { id };
  });
}

/** Queues a delivery's event once more, at the end of its queue (admins: "Send again"). */
export async function resendDelivery(viewer: Viewer, input: { deliveryId: string }) {
  assertPermission(viewer, "webhook.manage", ADMINS_ONLY);
  const { deliveryId } = parseOrThrow(resendDeliverySchema, input);
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, webhookId: true, event: true, queueKey: true, body: true },
    });
    if (!original) throw new AppError("not_found", "That delivery no longer exists.");
    if (!isWebhookEvent(original.event)) throw new AppError("invalid", "Dateline no longer sends this event, so it cannot be sent again.");
    // Write transactions run one at a time on either engine (lib/db), so of two clicks at once the second sees the first's copy.
    if (await tx.webhookDelivery.count({ where: { resentFromId: original.id, status: "PENDING" } }))
      throw new AppError("conflict", "This event is already queued to be sent again.");
    const now = new Date();
    const copy = await tx.webhookDelivery.create({
      data: {
        webhookId: original.webhookId,
        event: original.event,
        queueKey: original.queueKey,
        body: original.body,
        resentFromId: original.id,
        createdAt: now,
        nextAttemptAt: now,
      },
      select: { id: true },
    });
    await tx.job.create({ data: { kind: WEBHOOK_JOB, key: copy.id, runAt: now, payload: "{}" } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "webhook.resend",
      entityType: "Webhook",
      entityId: original.webhookId,
      data: { deliveryId: original.id, copyId: copy.id },
    });
    return { id: copy.id };
  });
}

/** Lets the outbound guard reach a host that resolves to a private address (admins). */
export async function allowOutboundHost(viewer: Viewer, input: { host: string; note?: string }) {
  assertPermission(viewer, "webhook.manage", ADMINS_ONLY);
  const data = parseOrThrow(allowHostSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.outboundAllowedHost.findUnique({ where: { host: data.host } }))
      throw new AppError("conflict", "This host is allowed already.", { host: ["This host is allowed already."] });
    const row = await tx.outboundAllowedHost.create({
      data: { host: data.host, note: data.note, createdById: viewer.id },
      select: { id: true, host: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "outbound.allow",
      entityType: "Setting",
      entityId: row.id,
      data: { host: row.host },
    });
    return row;
  });
}

/** Takes a host off the allow-list (admins). */
export async function removeOutboundHost(viewer: Viewer, input: { id: string }) {
  assertPermission(viewer, "webhook.manage", ADMINS_ONLY);
  const { id } = parseOrThrow(webhookIdSchema, input);
  return db.$transaction(async (tx) => {
    const row = await tx.outboundAllowedHost.findUnique({ where: { id } });
    if (!row) throw new AppError("not_found", "That host is no longer on the list.");
    await tx.outboundAllowedHost.delete({ where: { id } });
    await recordAudit(tx, { actorId: viewer.id, action: "outbound.remove", entityType: "Setting", entityId: id, data: { host: row.host } });
    return { id };
  });
}
