import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getWebhookLog } from "@/lib/webhooks/queries";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { DataTable } from "@/components/admin/data-table";
import { ResendButton } from "./resend-button";
import { DeleteWebhookButton } from "./delete-webhook-button";

export const metadata: Metadata = { title: "Webhook deliveries" };

const STATUS = { PENDING: "Waiting", DELIVERED: "Delivered", FAILED: "Failed (gave up after a day)" } as Record<string, string>;

export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePermission("webhook.manage", `/admin/webhooks/${id}`);
  const { timeZone } = await getSiteSettings();
  const hook = await getWebhookLog(viewer, id);
  if (!hook) notFound();
  return (
    <>
      <p>
        <Link href="/admin/webhooks">← Webhooks</Link>
      </p>
      <h1>{hook.name}</h1>
      <p>
        <code>{hook.url}</code>
      </p>
      <p className="muted">
        {hook.events.length
          ? `Hears about: ${hook.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join(", ")}.`
          : "Hears about nothing: the events it asked for are no longer sent. Remove it, or add a webhook with the events wanted."}
      </p>
      <h2>Deliveries</h2>
      <p className="muted">The latest 50, newest first, each with every attempt. A page reload shows new ones.</p>
      <DataTable className="delivery-log">
        <thead>
          <tr>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {hook.deliveries.length === 0 ? (
            <tr>
              <td colSpan={4}>Nothing sent yet.</td>
            </tr>
          ) : null}
          {hook.deliveries.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.id}`}>
              <td>
                <code>{d.event}</code>
                <div className="muted">{d.queueKey}</div>
                <div className="muted">{formatDateTime(d.createdAt, timeZone)}</div>
                {d.resentFromId ? <div className="muted">Sent again by an admin</div> : null}
              </td>
              <td className={`status-${d.status.toLowerCase()}`}>
                {STATUS[d.status] ?? d.status}
                {d.status === "PENDING" && d.attempts > 0 ? (
                  <div className="muted">Next try {formatDateTime(d.nextAttemptAt, timeZone)}</div>
                ) : null}
              </td>
              <td>
                {d.attemptLog.length === 0 ? <span className="muted">Not tried yet</span> : null}
                <ol>
                  {d.attemptLog.map((a) => (
                    <li key={a.id} data-testid="attempt">
                      {formatDateTime(a.at, timeZone)}: <strong>{a.statusCode ?? "no answer"}</strong> in {a.durationMs} ms
                      {a.error ? <div className="status-failed">{a.error}</div> : null}
                      {a.responseExcerpt ? <pre>{a.responseExcerpt}</pre> : null}
                    </li>
                  ))}
                </ol>
              </td>
              <td>
                {d.status !== "PENDING" ? (
                  <ResendButton deliveryId={d.id} name={`${d.event} for ${d.queueKey}, ${formatDateTime(d.createdAt, timeZone)}`} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DeleteWebhookButton id={hook.id} name={hook.name} />
    </>
  );
}
