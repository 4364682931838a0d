import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listOutboundHosts, listWebhooks } from "@/lib/webhooks/queries";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { DataTable } from "@/components/admin/data-table";
import { CreateWebhookForm } from "./create-webhook-form";
import { AllowedHosts } from "./allowed-hosts";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const viewer = await requirePermission("webhook.manage", "/admin/webhooks");
  const { timeZone } = await getSiteSettings();
  const [hooks, hosts] = await Promise.all([listWebhooks(viewer), listOutboundHosts(viewer)]);
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Other systems hear about every change within seconds: each event is POSTed to the webhook’s URL, signed with its secret, in order
        for each story, and retried for a day when the receiver fails. README.md (“Webhooks”) explains how to check a signature.
      </p>
      <DataTable>
        <thead>
          <tr>
            <th>Name</th>
            <th>Events</th>
            <th>Deliveries</th>
            <th>Added</th>
          </tr>
        </thead>
        <tbody>
          {hooks.length === 0 ? (
            <tr>
              <td colSpan={4}>No webhooks yet.</td>
            </tr>
          ) : null}
          {hooks.map((h) => (
            <tr key={h.id} data-testid={`webhook-${h.name}`}>
              <td>
                <Link href={`/admin/webhooks/${h.id}`}>{h.name}</Link>
                <div className="muted">{h.url}</div>
              </td>
              <td>
                {h.events.length ? h.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join(", ") : "Nothing (its events are no longer sent)"}
              </td>
              <td>
                {h.counts.DELIVERED ?? 0} delivered, {h.counts.PENDING ?? 0} waiting
                {h.counts.FAILED ? <strong className="status-failed">, {h.counts.FAILED} failed</strong> : null}
              </td>
              <td>{formatDateTime(h.createdAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <CreateWebhookForm events={WEBHOOK_EVENTS.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] }))} />
      <AllowedHosts hosts={hosts} />
    </>
  );
}
