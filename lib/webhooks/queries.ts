import { db } from "../db";
import { assertPermission, type Viewer } from "../auth/viewer";
import { parseWebhookEvents } from "./events";

/** Every webhook with its counts of deliveries by status (admins). Never the secret. */
export async function listWebhooks(viewer: Viewer) {
  assertPermission(viewer, "webhook.manage");
  const hooks = await db.webhook.findMany({
    select: { id: true, name: true, url: true, events: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const counts = await db.webhookDelivery.groupBy({ by: ["webhookId", "status"], _count: { _all: true } });
  return hooks.map((h) => ({
    ...h,
    events: parseWebhookEvents(h.events),
    counts: Object.fromEntries(counts.filter((c) => c.webhookId === h.id).map((c) => [c.status, c._count._all])) as Record<string, number>,
  }));
}

/** A webhook and its latest deliveries, each with every attempt (admins). */
export async function getWebhookLog(viewer: Viewer, id: string, take = 50) {
  assertPermission(viewer, "webhook.manage");
  const hook = await db.webhook.findUnique({ where: { id }, select: { id: true, name: true, url: true, events: true, createdAt: true } });
  if (!hook) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { webhookId: id },
    select: {
      id: true,
      event: true,
      queueKey: true,
      status: true,
      attempts: true,
      createdAt: true,
      nextAttemptAt: true,
      finishedAt: true,
      resentFromId: true,
      attemptLog: {
        select: { id: true, at: true, statusCode: true, durationMs: true, responseExcerpt: true, error: true },
        orderBy: { at: "asc" },
      },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return { ...hook, events: parseWebhookEvents(hook.events), deliveries };
}

export async function listOutboundHosts(viewer: Viewer) {
  assertPermission(viewer, "webhook.manage");
  return db.outboundAllowedHost.findMany({ select: { id: true, host: true, note: true, createdAt: true }, orderBy: { host: "asc" } });
}
