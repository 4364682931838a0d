import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { listSectionsForAdmin } from "@/lib/sections/queries";
import { SectionForm } from "../section-form";

export const metadata: Metadata = { title: "Section" };

export default async function SectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePermission("section.manage", `/admin/sections/${id}`);
  const section = (await listSectionsForAdmin(viewer)).find((s) => s.id === id);
  if (!section) notFound();
  return (
    <>
      <p>
        <Link href="/admin/sections">← All sections</Link>
      </p>
      <h1>{section.name}</h1>
      <SectionForm section={section} />
    </>
  );
}
