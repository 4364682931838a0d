import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getEditorData } from "@/lib/articles/editor";
import { compareNames, getRevision, listRevisions } from "@/lib/articles/revisions";
import { comparableFields, snapshotForCompare } from "@/lib/articles/compare";
import { listArticleAudit } from "@/lib/articles/queries";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { FieldDiff } from "@/components/admin/field-diff";
import { auditSentence, groupByDay } from "@/lib/audit/sentences";
import { RestoreButton } from "./restore-button";
import { quoted } from "@/lib/format/text";
import { DataTable } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "Revisions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string; show?: string }> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const viewer = await requireUser(`/admin/articles/${id}/revisions`);
  const { timeZone } = await getSiteSettings();
  const article = await getEditorData(viewer, id);
  if (!article) notFound();
  const [revisions, audit] = await Promise.all([listRevisions(viewer, id), listArticleAudit(viewer, id)]);
  const a = query.a ?? revisions[1]?.id;
  const b = query.b ?? revisions[0]?.id;
  const [before, after, shown] = await Promise.all([
    a ? getRevision(viewer, id, a).catch(() => null) : null,
    b ? getRevision(viewer, id, b).catch(() => null) : null,
    query.show ? getRevision(viewer, id, query.show).catch(() => null) : null,
  ]);
  const [older, newer, alone] = [before, after, shown].map((r) => (r ? snapshotForCompare(r.snapshot) : null));
  const names = await compareNames([older, newer, alone].flatMap((r) => (r ? [r] : [])));
  const label = (r: (typeof revisions)[number]) =>
    `v${r.version} · ${r.note} · ${r.author?.name ?? "Scheduler"} · ${formatDateTime(r.createdAt, timeZone)}`;
  return (
    <>
      <p>
        <Link href={`/admin/articles/${id}`}>← Back to the story</Link>
      </p>
      <h1>Revisions of {quoted(article.fields.headline)}</h1>
      <section className="card">
        <h2>Compare two revisions</h2>
        <form method="get" className="filters">
          <div className="field">
            <label htmlFor="rev-a">Older</label>
            <select id="rev-a" name="a" defaultValue={a}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rev-b">Newer</label>
            <select id="rev-b" name="b" defaultValue={b}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button secondary">
            Compare
          </button>
        </form>
        {before && after && older && newer ? (
          <FieldDiff
            before={comparableFields(older, names)}
            after={comparableFields(newer, names)}
            beforeLabel={`v${before.version}`}
            afterLabel={`v${after.version}`}
          />
        ) : (
          <p className="muted">Only one revision so far.</p>
        )}
      </section>
      {shown && alone ? (
        <section className="card" aria-labelledby="shown-heading">
          <h2 id="shown-heading">
            Revision v{shown.version} ({shown.note})
          </h2>
          {Object.entries(comparableFields(alone, names)).map(([field, text]) => (
            <div key={field}>
              <h3>{field}</h3>
              <pre className="revision-text">{text || "—"}</pre>
            </div>
          ))}
        </section>
      ) : null}
      <DataTable>
        <thead>
          <tr>
            <th>Version</th>
            <th>What</th>
            <th>Who</th>
            <th>When</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r, i) => (
            <tr key={r.id}>
              <td>v{r.version}</td>
              <td>{r.note}</td>
              <td>{r.author?.name ?? "Scheduler"}</td>
              <td>{formatDateTime(r.createdAt, timeZone)}</td>
              <td>
                {/* The flex row inside the cell: a cell made flex leaves the table's layout, and its borders drift. */}
                <div className="row-actions">
                  <Link href={`?show=${r.id}#shown-heading`}>
                    Show <span className="visually-hidden">v{r.version}</span>
                  </Link>
                  {i > 0 && article.canEdit ? (
                    <RestoreButton articleId={id} revisionId={r.id} version={article.version} label={`v${r.version}`} />
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <h2>Audit log</h2>
      {groupByDay(audit ?? [], timeZone).map(([day, list]) => (
        <section key={day} className="audit-day">
          <h3>{day}</h3>
          <ul className="audit-list">
            {list.map((e) => (
              <li key={e.id} data-testid="audit-sentence">
                {auditSentence(
                  {
                    action: e.action,
                    entityType: "Article",
                    entityName: article.fields.headline,
                    data: e.data,
                    actorName: e.actor?.name ?? null,
                    createdAt: e.createdAt,
                  },
                  timeZone,
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
