import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { deskFilterSchema, isNarrowed, listDeskArticles } from "@/lib/articles/desk";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { listSections } from "@/lib/sections/queries";
import { listAuthors } from "@/lib/authors/queries";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { StatusBadge } from "@/components/admin/status-badge";
import { PageLinks } from "@/components/ui/page-links";
import { openReturnNotes } from "@/lib/articles/return-note";
import { wireFlagsForStories } from "@/lib/wire/queries";
import { wireWarning } from "@/lib/wire/policy";
import { DataTable } from "@/components/admin/data-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeskPage({ searchParams }: Props) {
  const viewer = await requireUser("/admin");
  const { timeZone } = await getSiteSettings();
  const filter = deskFilterSchema.parse(await searchParams);
  const [{ rows, total, page, pages }, sections, authors] = await Promise.all([
    listDeskArticles(viewer, filter),
    listSections(),
    listAuthors(),
  ]);
  const pageHref = (n: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filter, page: String(n) }).filter(([, v]) => v !== undefined && v !== "") as [string, string][],
    );
    return `/admin?${params}`;
  };
  // Past the last page (an old link, a list that shrank since): the last page, not an empty one.
  if (total > 0 && page > pages) redirect(pageHref(pages));
  const returned = await openReturnNotes(rows.map((r) => r.id));
  // Stories taken from a wire item the agency killed or withdrew (lib/wire/).
  const killed = await wireFlagsForStories(rows.map((r) => r.id));
  return (
    <>
      <div className="page-head">
        <h1>Stories</h1>
        <Link className="button" href="/admin/articles/new">
          New story
        </Link>
      </div>
      <form className="filters" method="get" role="search" aria-label="Filter stories">
        <div className="field">
          <label htmlFor="q">Headline</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Search headlines" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="section">Section</label>
          <select id="section" name="section" defaultValue={filter.section ?? ""}>
            <option value="">Any section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="author">Byline</label>
          <select id="author" name="author" defaultValue={filter.author ?? ""}>
            <option value="">Anyone</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={filter.sort}>
            <option value="updated">Last updated</option>
            <option value="published">Published</option>
            <option value="scheduled">Scheduled time</option>
          </select>
        </div>
        <button type="submit" className="button secondary">
          Apply
        </button>
      </form>
      <p className="muted" aria-live="polite">
        {total} {total === 1 ? "story" : "stories"}
      </p>
      {/* The table's roles keep it a table for a screen reader where a phone shows it as a list (Safari drops them with display: block). */}
      {rows.length === 0 ? (
        <p className="muted">{isNarrowed(filter) ? "No stories match these filters." : "No stories yet."}</p>
      ) : (
        <DataTable className="story-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader">Headline</th>
              <th role="columnheader">Status</th>
              <th role="columnheader">Section</th>
              <th role="columnheader">Bylines</th>
              <th role="columnheader">Last edit</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((a) => (
              <tr key={a.id} role="row">
                <td role="cell">
                  <Link href={`/admin/articles/${a.id}`}>{a.headline}</Link>
                  {returned.get(a.id) ? (
                    <div className="return-note-text" data-testid="desk-return-note">
                      Returned by {returned.get(a.id)!.byName}: {returned.get(a.id)!.text}
                    </div>
                  ) : null}
                  {killed.get(a.id) ? (
                    <div className="wire-warning" role="note" data-testid="desk-wire-kill">
                      {wireWarning(killed.get(a.id)!)}
                    </div>
                  ) : null}
                </td>
                <td role="cell" data-label="Status">
                  <StatusBadge status={a.status} />
                  {a.status === "SCHEDULED" && a.scheduledFor ? (
                    <div className="muted">{formatDateTime(a.scheduledFor, timeZone)}</div>
                  ) : a.firstPublishedAt ? (
                    // What "Sort by published" orders by.
                    <div className="muted">
                      First published{" "}
                      <time dateTime={a.firstPublishedAt.toISOString()}>{formatDateTime(a.firstPublishedAt, timeZone)}</time>
                    </div>
                  ) : null}
                </td>
                <td role="cell" data-label="Section">
                  {a.section?.name ?? "—"}
                </td>
                <td role="cell" data-label="Bylines">
                  {a.authors.map((x) => x.author.name).join(", ") || "—"}
                </td>
                <td role="cell" data-label="Last edit">
                  {a.updatedBy?.name ?? "Scheduler"}
                  <div className="muted">
                    <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt, timeZone)}</time>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <PageLinks page={page} pages={pages} href={pageHref} />
    </>
  );
}
