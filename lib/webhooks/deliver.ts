import crypto from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { log } from "../log";
import { outboundFetch } from "../security/outbound";
import type { JobHandler } from "../jobs/runner";
import { WEBHOOK_JOB } from "./emit";
import { isWebhookEvent } from "./events";

/** A delivery that has failed for this long is marked failed, and its queue moves on. */
export const WEBHOOK_GIVE_UP_MS = 24 * 3_600_000;
const EXCERPT_CHARS = 500;

/**
 * The signature header's value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>`.
 * README.md ("Webhooks") tells receivers how to check it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The wait before the next try after `attempts` failures: the configured first delay, doubled each time, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, env.DATELINE_WEBHOOK_RETRY_SECONDS * 1000 * 2 ** Math.max(0, attempts - 1));
}

const NOT_SENT = "Not sent: Dateline no longer sends this event.";

/**
 * Runs one delivery (the job's key is its id), in order within its queue (one webhook, one story or
 * photo): while an older delivery of the same queue is still pending, this one waits for it. A
 * failure is tried again with backoff until a day has passed, then marked failed; either way the
 * next delivery of the queue is woken at once.
 */
export const deliverWebhookJob: JobHandler = async (job) => {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: job.key }, include: { webhook: true } });
  if (!delivery || delivery.status !== "PENDING") return;
  if (!isWebhookEvent(delivery.event)) {
    // Queued by an older version ("story.deleted" sent a never-published story's headline): not sent.
    await db.$transaction(async (tx) => {
      await tx.webhookAttempt.create({
        data: { deliveryId: delivery.id, statusCode: null, durationMs: 0, responseExcerpt: "", error: NOT_SENT },
      });
      await tx.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", finishedAt: new Date() } });
    });
    await wakeNext(delivery.webhookId, delivery.queueKey);
    return;
  }
  const now = new Date();
  const older = await db.webhookDelivery.findFirst({
    where: {
      webhookId: delivery.webhookId,
      queueKey: delivery.queueKey,
      status: "PENDING",
      OR: [{ createdAt: { lt: delivery.createdAt } }, { createdAt: delivery.createdAt, id: { lt: delivery.id } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { nextAttemptAt: true },
  });
  if (older)
    return { again: new Date(Math.min(now.getTime() + 60_000, Math.max(now.getTime() + 500, older.nextAttemptAt.getTime() + 250))) };
  if (delivery.nextAttemptAt > now) return { again: delivery.nextAttemptAt };

  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  let statusCode: number | null = null;
  let excerpt = "";
  let error: string | null = null;
  try {
    const response = await outboundFetch(delivery.webhook.url, {
      method: "POST",
      body: delivery.body,
      headers: {
        "content-type": "application/json",
        "dateline-event": delivery.event,
        "dateline-delivery": delivery.id,
        "dateline-signature": signWebhook(delivery.webhook.secret, timestamp, delivery.body),
      },
      maxRedirects: 0,
      maxBytes: 16_384,
      overflow: "truncate",
      timeoutMs: 10_000,
    });
    statusCode = response.status;
    excerpt = response.body.toString("utf8").slice(0, EXCERPT_CHARS);
    const location = response.headers["location"];
    if (response.status >= 300 && response.status < 400 && location)
      error = `The receiver answered ${response.status}, a redirect to ${String(location).slice(0, 200)}: webhooks are not sent on to another address, so give the webhook its final address.`;
    else if (response.status < 200 || response.status > 299) error = `The receiver answered ${response.status}.`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  const done = error === null;
  const expired = Date.now() - delivery.createdAt.getTime() >= WEBHOOK_GIVE_UP_MS;
  const nextAttemptAt = new Date(Math.min(Date.now() + retryDelayMs(attempts), delivery.createdAt.getTime() + WEBHOOK_GIVE_UP_MS));
  const recorded = await db.$transaction(async (tx) => {
    // An admin removed the webhook (and its log) while this attempt was under way: nothing to record or retry.
    if (!(await tx.webhookDelivery.findUnique({ where: { id: delivery.id }, select: { id: true } }))) return false;
    await tx.webhookAttempt.create({ data: { deliveryId: delivery.id, statusCode, durationMs, responseExcerpt: excerpt, error } });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts,
        ...(done
          ? { status: "DELIVERED", finishedAt: new Date() }
          : expired
            ? { status: "FAILED", finishedAt: new Date() }
            : { nextAttemptAt }),
      },
    });
    return true;
  });
  if (!recorded) return;
  if (!done)
    log(expired ? "error" : "warn", expired ? "webhook delivery failed for a day; given up" : "webhook delivery failed; will retry", {
      webhookId: delivery.webhookId,
      deliveryId: delivery.id,
      error,
    });
  if (done || expired) {
    await wakeNext(delivery.webhookId, delivery.queueKey);
    return;
  }
  return { again: nextAttemptAt };
};

/** The oldest pending delivery of a queue goes now rather than at its next poll. */
async function wakeNext(webhookId: string, queueKey: string) {
  const next = await db.webhookDelivery.findFirst({
    where: { webhookId, queueKey, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (next)
    await db.job.updateMany({ where: { kind: WEBHOOK_JOB, key: next.id, doneAt: null, lockedBy: null }, data: { runAt: new Date() } });
}

/** The handlers the job runner of every server process runs for webhooks. */
export const webhookJobs: Record<string, JobHandler> = { [WEBHOOK_JOB]: deliverWebhookJob };
