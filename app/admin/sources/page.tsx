import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/cache/public-data";
import { listSourcesToLookAt, type SourceToLookAt } from "@/lib/sources/queries";
import { archiveHref } from "@/lib/sources/archive-url";
import { VERDICT_LABELS } from "@/lib/sources/labels";
import { formatDateTime } from "@/lib/format/time";
import { DataTable } from "@/components/admin/data-table";
import { MarkSeenButton } from "./mark-seen-button";

export const metadata: Metadata = { title: "Sources to look at" };

/** The link checker's findings on live stories' sources: gone, moved or changed, newest first (editors). */
export default async function SourcesToLookAtPage() {
  const viewer = await requirePermission("source.review", "/admin/sources");
  const { timeZone } = await getSiteSettings();
  const [open, seen] = await Promise.all([
    listSourcesToLookAt(viewer, { seen: false }),
    listSourcesToLookAt(viewer, { seen: true, take: 50 }),
  ]);
  return (
    <>
      <h1>Sources to look at</h1>
      <p className="muted">
        Dateline checks the sources of live stories every day. Here is what has gone (no answer or an error on several checks in a row),
        moved (now ends at another address) or changed (its text differs from the archived copy). Nothing changes for readers, except that a
        gone source links to its archived copy first.
      </p>
      <SourceTable rows={open} timeZone={timeZone} empty="Nothing to look at: every checked source answers as it did." label="To look at" />
      {seen.length ? (
        <>
          <h2>Seen</h2>
          <SourceTable rows={seen} timeZone={timeZone} empty="" label="Seen" />
        </>
      ) : null}
    </>
  );
}

function SourceTable({ rows, timeZone, empty, label }: { rows: SourceToLookAt[]; timeZone: string; empty: string; label: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  const at = (d: Date | null) => (d ? formatDateTime(d, timeZone) : "");
  return (
    <DataTable className="sources-to-look-at" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Story</th>
          <th scope="col">Found</th>
          <th scope="col">Since</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <strong>{r.title}</strong>
              <br />
              <a href={r.url} rel="noopener noreferrer nofollow">
                {r.url}
              </a>
              {r.copy ? (
                <>
                  <br />
                  <a href={archiveHref(r.copy.id)} target="_blank" rel="noopener noreferrer">
                    Archived copy, {at(r.copy.fetchedAt)}
                  </a>
                </>
              ) : null}
            </td>
            <td>
              <Link href={`/admin/articles/${r.story.id}`}>{r.story.headline}</Link>
            </td>
            <td>
              <span className={`badge verdict-${r.verdict}`}>{VERDICT_LABELS[r.verdict]}</span>
              {r.detail ? <div className="muted">{r.detail}</div> : null}
            </td>
            <td>
              {at(r.verdictAt)}
              {r.lastCheckedAt ? <div className="muted">checked {at(r.lastCheckedAt)}</div> : null}
            </td>
            <td>{r.seenAt ? <span className="muted">Seen {at(r.seenAt)}</span> : <MarkSeenButton checkId={r.id} title={r.title} />}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
