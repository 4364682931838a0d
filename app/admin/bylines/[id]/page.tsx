import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getAuthorForEdit } from "@/lib/authors/queries";
import { BylineForm } from "./byline-form";

export const metadata: Metadata = { title: "Byline" };

export default async function BylinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePermission("author.manage", `/admin/bylines/${id}`);
  const author = await getAuthorForEdit(viewer, id);
  if (!author) notFound();
  return (
    <>
      <p>
        <Link href="/admin/bylines">← All bylines</Link>
      </p>
      <h1>{author.name}</h1>
      {author.published > 0 ? (
        <p className="muted">
          Byline page:{" "}
          <a href={`/authors/${author.slug}`} target="_blank" rel="noreferrer">
            /authors/{author.slug}
          </a>{" "}
          · {author.published === 1 ? "1 published story shows" : `${author.published} published stories show`} this byline.
        </p>
      ) : (
        <p className="muted">
          No published story shows this byline yet: its page, /authors/{author.slug}, opens to readers when the first one runs.
        </p>
      )}
      <BylineForm author={author} />
    </>
  );
}
