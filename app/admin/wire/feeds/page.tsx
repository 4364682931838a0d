import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/cache/public-data";
import { formatDateTime } from "@/lib/format/time";
import { listWireFeeds } from "@/lib/wire/queries";
import { DataTable } from "@/components/admin/data-table";
import { AddFeedForm } from "./add-feed-form";
import { RemoveFeedButton } from "./remove-feed-button";

export const metadata: Metadata = { title: "Wire feeds" };

export default async function WireFeedsPage() {
  const viewer = await requirePermission("wire.manage", "/admin/wire/feeds");
  const { timeZone } = await getSiteSettings();
  const feeds = await listWireFeeds(viewer);
  return (
    <>
      <p>
        <Link href="/admin/wire">← Wire</Link>
      </p>
      <h1>Polled feeds</h1>
      <p className="muted">
        RSS and Atom feeds (or ninjs and NewsML-G2 documents at an address) the wire desk fetches on its own, each at its own interval,
        asking only for what changed. Feeds on the newsroom’s own network need their host allowed on the{" "}
        <Link href="/admin/webhooks">Webhooks</Link> screen.
      </p>
      <AddFeedForm />
      <DataTable>
        <thead>
          <tr>
            <th>Feed</th>
            <th>Agency</th>
            <th>Every</th>
            <th>Last fetched</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {feeds.length === 0 ? (
            <tr>
              <td colSpan={5}>No feeds yet.</td>
            </tr>
          ) : null}
          {feeds.map((f) => (
            <tr key={f.id} data-testid="wire-feed">
              <td>
                <strong>{f.name}</strong>
                <div className="muted">
                  <code>{f.url}</code>
                </div>
              </td>
              <td>{f.agency}</td>
              <td>{f.intervalMin} min</td>
              <td>
                {f.lastFetchedAt ? formatDateTime(f.lastFetchedAt, timeZone) : "Not yet"}
                {f.lastError ? (
                  <div className="field-error">{f.lastError}</div>
                ) : f.lastStatus ? (
                  <div className="muted">{f.lastStatus}</div>
                ) : null}
              </td>
              <td>
                <RemoveFeedButton id={f.id} name={f.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
