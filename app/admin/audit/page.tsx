import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { auditFilterSchema, listAuditLog, listAuditPeople } from "@/lib/audit/queries";
import { groupByDay } from "@/lib/audit/sentences";
import { getSiteSettings } from "@/lib/cache/public-data";
import { PageLinks } from "@/components/ui/page-links";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Who did what and when, in sentences, filterable by story and by person (editors and admins). */
export default async function AuditPage({ searchParams }: Props) {
  const viewer = await requirePermission("audit.view", "/admin/audit");
  const filter = auditFilterSchema.parse(await searchParams);
  const { timeZone } = await getSiteSettings();
  const [{ entries, total, page, pages }, people] = await Promise.all([listAuditLog(viewer, filter, timeZone), listAuditPeople()]);
  const params = (patch: Record<string, string | undefined>) => {
    const next = { story: filter.story, q: filter.q, actor: filter.actor, ...patch };
    return `/admin/audit?${new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1]))}`;
  };
  const storyName = filter.story ? entries.find((e) => e.story?.id === filter.story)?.story?.headline : null;
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" method="get" role="search" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-q">Story headline</label>
          <input id="audit-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">Person</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </form>
      {filter.story ? (
        <p>
          Showing one story{storyName ? `: “${storyName}”` : ""}.{" "}
          <Link href={params({ story: undefined, page: undefined })}>Show all stories</Link>
        </p>
      ) : null}
      <p className="muted" aria-live="polite">
        {total} {total === 1 ? "event" : "events"} · times in {timeZone}
      </p>
      {groupByDay(entries, timeZone).map(([day, list]) => (
        <section key={day} className="audit-day">
          <h2>{day}</h2>
          <ul className="audit-list">
            {list.map((e) => (
              <li key={e.id}>
                <span data-testid="audit-sentence">{e.sentence}</span>
                {e.story && !filter.story ? (
                  <>
                    {" "}
                    <Link className="audit-filter-link" href={params({ story: e.story.id, q: undefined, page: undefined })}>
                      this story only
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {entries.length === 0 ? <p>Nothing matches these filters.</p> : null}
      <PageLinks page={page} pages={pages} href={(n) => params({ page: String(n) })} />
    </>
  );
}
