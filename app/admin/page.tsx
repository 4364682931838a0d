import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listDeskArticles } from "@/lib/articles/desk";
import { formatDateTime } from "@/lib/time";
import { StatusBadge } from "@/components/admin/status-badge";

export default async function DeskPage() {
  const viewer = await requireUser("/admin");
  const articles = await listDeskArticles(viewer);
  return (
    <>
      <h1>Stories</h1>
      {articles.length === 0 ? (
        <p className="muted">No stories yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr><th>Headline</th><th>Status</th><th>Section</th><th>Bylines</th><th>Last edit</th></tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.status === "PUBLISHED" && a.section ? <Link href={`/${a.section.slug}/${a.slug}`}>{a.headline}</Link> : a.headline}
                </td>
                <td><StatusBadge status={a.status} /></td>
                <td>{a.section?.name ?? "—"}</td>
                <td>{a.authors.map((x) => x.author.name).join(", ") || "—"}</td>
                <td>
                  {a.updatedBy?.name ?? "—"}
                  <div className="muted"><time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt)}</time></div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
