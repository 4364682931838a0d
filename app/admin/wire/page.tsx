import type { Metadata } from "next";
import { embargoEnd } from "@/lib/wire/policy";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { getSiteSettings } from "@/lib/cache/public-data";
import { formatDateTime } from "@/lib/format/time";
import { listWireItems } from "@/lib/wire/queries";
import { WIRE_STATUS_LABELS, wireListQuerySchema } from "@/lib/wire/schema";
import { DataTable } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "Wire" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WirePage({ searchParams }: Props) {
  const viewer = await requirePermission("wire.view", "/admin/wire");
  const query = wireListQuerySchema.parse(await searchParams);
  const { timeZone } = await getSiteSettings();
  const { items, total, agencies, pageSize } = await listWireItems(viewer, query);
  const now = new Date();
  const pageHref = (page: number) =>
    `/admin/wire?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.agency ? { agency: query.agency } : {}), page: String(page) })}`;
  return (
    <>
      <h1>Wire</h1>
      <p className="muted">
        Agency copy as it arrives: newest first. Nothing here is published by itself;{" "}
        {hasPermission(viewer.role, "wire.take") ? "take an item to make a draft story of it." : "editors take items into draft stories."}
        {hasPermission(viewer.role, "wire.manage") ? (
          <>
            {" "}
            <Link href="/admin/wire/feeds">Polled feeds</Link>
          </>
        ) : null}
      </p>
      <form className="filters" role="search" aria-label="Search the wire" method="get" action="/admin/wire">
        <div className="field">
          <label htmlFor="wire-q">Search</label>
          <input id="wire-q" name="q" type="search" defaultValue={query.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="wire-agency">Agency</label>
          <select id="wire-agency" name="agency" defaultValue={query.agency}>
            <option value="">All agencies</option>
            {agencies.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Search
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {total === 0 ? "No wire items match." : `${total} item${total === 1 ? "" : "s"}`}
      </p>
      <DataTable className="wire-table">
        <thead>
          <tr>
            <th>Received</th>
            <th>Agency</th>
            <th>Headline</th>
            <th>Priority</th>
            <th>Urgency</th>
            <th>Embargo</th>
            <th>Version</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="wire-row">
              <td>{formatDateTime(item.receivedAt, timeZone)}</td>
              <td>{item.agency}</td>
              <td>
                <Link href={`/admin/wire/${item.id}`}>{item.headline}</Link>
                <div className="muted">
                  {item._count.photos ? `${item._count.photos} photo${item._count.photos === 1 ? "" : "s"}` : "No photo"}
                  {item._count.takes ? ` · taken ${item._count.takes}×` : ""}
                </div>
              </td>
              <td>{item.priority ?? "–"}</td>
              <td>{item.urgency ?? "–"}</td>
              <td>
                {item.embargoAt ? (
                  <span className={embargoEnd(item.embargoAt) > now ? "badge embargoed" : "muted"}>
                    {embargoEnd(item.embargoAt) > now ? "Until " : "Ended "}
                    {formatDateTime(embargoEnd(item.embargoAt), timeZone)}
                  </span>
                ) : (
                  "–"
                )}
              </td>
              <td>{item.version}</td>
              <td>
                <span className={`badge ${item.status}`}>{WIRE_STATUS_LABELS[item.status]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {total > pageSize ? (
        <nav className="pagination" aria-label="Wire pages">
          {query.page > 1 ? <Link href={pageHref(query.page - 1)}>Newer</Link> : null}{" "}
          {query.page * pageSize < total ? <Link href={pageHref(query.page + 1)}>Older</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
