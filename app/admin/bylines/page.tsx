import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listAuthorsForDesk } from "@/lib/authors/queries";
import { DataTable } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "Bylines" };

export default async function BylinesPage() {
  const viewer = await requirePermission("author.manage", "/admin/bylines");
  const authors = await listAuthorsForDesk(viewer);
  return (
    <>
      <h1>Bylines</h1>
      <p className="muted">
        The names readers see on stories, with the title and bio on each byline page. New bylines are added from the story editor.
      </p>
      <DataTable>
        <thead>
          <tr>
            <th>Byline</th>
            <th>Title</th>
            <th>Bio</th>
            <th>Account</th>
            <th>Stories</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/admin/bylines/${a.id}`}>{a.name}</Link>
                {a.kind === "ORGANIZATION" ? (
                  <>
                    {" "}
                    <span className="badge">Organization</span>
                  </>
                ) : null}
              </td>
              <td>{a.title || "—"}</td>
              <td>{a.hasBio ? "Yes" : <span className="badge disabled">Missing</span>}</td>
              <td>{a.email ?? "—"}</td>
              <td>{a.stories}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
