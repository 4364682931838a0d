import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { listSectionsForAdmin } from "@/lib/sections/queries";
import { DataTable } from "@/components/admin/data-table";
import { Announcer } from "@/components/admin/announcer";
import { SectionForm } from "./section-form";
import { SectionRowActions } from "./section-row-actions";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  const viewer = await requirePermission("section.manage", "/admin/sections");
  const sections = await listSectionsForAdmin(viewer);
  return (
    <>
      <h1>Sections</h1>
      <p className="muted">
        The sections in the masthead of every page, in this order. Each lives at its own address, and its stories under it.
      </p>
      <Announcer testId="sections-announcer">
        <DataTable>
          <thead>
            <tr>
              <th>Section</th>
              <th>Address</th>
              <th>Stories</th>
              <th>Order and actions</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s, i) => (
              <tr key={s.id} data-testid={`section-${s.slug}`}>
                <td>
                  <Link href={`/admin/sections/${s.id}`}>{s.name}</Link>
                  {s.description ? <div className="muted">{s.description}</div> : null}
                </td>
                <td>
                  <a href={`/${s.slug}`} target="_blank" rel="noreferrer">
                    /{s.slug}
                  </a>
                </td>
                <td>
                  {s.published} published{s.stories > s.published ? `, ${s.stories - s.published} other` : ""}
                </td>
                <td>
                  <SectionRowActions section={s} position={i} count={sections.length} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </Announcer>
      <SectionForm />
    </>
  );
}
