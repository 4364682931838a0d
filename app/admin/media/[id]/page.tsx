import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { getImageDetails } from "@/lib/media/library";
import { photoChangePolicy } from "@/lib/media/policy";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { ImageForm } from "./image-form";

export const metadata: Metadata = { title: "Photo" };

type Props = { params: Promise<{ id: string }> };

export default async function ImagePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePermission("media.edit", `/admin/media/${id}`);
  const { timeZone } = await getSiteSettings();
  const image = await getImageDetails(id);
  if (!image) notFound();
  const decision = photoChangePolicy(viewer, image.liveUse);
  return (
    <>
      <p>
        <Link href="/admin/media">← All photos</Link>
      </p>
      <h1>
        {image.caption
          ? image.caption.length > 80
            ? `${image.caption.slice(0, 79)}…`
            : image.caption
          : image.originalFilename || "Untitled photo"}
      </h1>
      <ImageForm
        image={{
          id: image.id,
          preview: image.preview,
          width: image.originalWidth,
          height: image.originalHeight,
          altText: image.altText,
          caption: image.caption,
          credit: image.credit,
          agency: image.agency,
          creditLine: image.creditLine,
          copyright: image.copyright,
          license: image.license,
          licenseExpiresAt: image.licenseExpiresAt?.slice(0, 10) ?? "",
          dateTaken: image.dateTaken?.slice(0, 10) ?? "",
          dateTakenIso: image.dateTaken,
          focalX: image.focalX,
          focalY: image.focalY,
          detailsConfirmed: image.detailsConfirmed,
          crop: { cropX: image.cropX, cropY: image.cropY, cropW: image.cropW, cropH: image.cropH },
        }}
        fromFile={image.fromFile}
        variants={image.variants}
        canDelete={decision.allowed && hasPermission(viewer.role, "media.delete")}
        readOnlyReason={decision.allowed ? null : decision.reason}
      />
      <section className="card">
        <h2>Used in</h2>
        {image.usedIn.length === 0 ? (
          <p className="muted">No story uses this photo yet.</p>
        ) : (
          <ul>
            {image.usedIn.map((a) => (
              <li key={a.id}>
                <Link href={`/admin/articles/${a.id}`}>{a.headline}</Link>{" "}
                <span className={`badge ${a.status}`}>{STATUS_LABELS[a.status]}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          {image.originalWidth}×{image.originalHeight} px · {(image.bytes / 1_000_000).toFixed(2)} MB · {image.mimeType}
          {image.originalFilename ? ` · ${image.originalFilename}` : ""} · uploaded {formatDateTime(new Date(image.createdAt), timeZone)}
          {image.uploadedBy ? ` by ${image.uploadedBy.name}` : ""}
        </p>
      </section>
    </>
  );
}
