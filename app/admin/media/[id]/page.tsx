import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getImageDetails } from "@/lib/media/library";
import { photoChangePolicy, photoDeletePolicy } from "@/lib/media/policy";
import { mayKnowOfStory, maySeeStory } from "@/lib/articles/policy";
import { STATUS_LABELS } from "@/lib/articles/workflow";
import { formatDateOnly, formatDateTime } from "@/lib/format/time";
import { getSiteSettings } from "@/lib/cache/public-data";
import { getPhotoCredentials } from "@/lib/provenance/queries";
import { CredentialDetails, CredentialsBadge } from "@/components/article/content-credentials";
import { ImageForm } from "./image-form";
import { photoTitle } from "@/lib/media/schema";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  await requirePermission("media.edit", `/admin/media/${id}`);
  const image = await getImageDetails(id, (await getSiteSettings()).timeZone);
  return { title: image ? `Photo: ${photoTitle(image)}` : "Photo not found" };
}

export default async function ImagePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePermission("media.edit", `/admin/media/${id}`);
  const { timeZone } = await getSiteSettings();
  const [image, credentials] = await Promise.all([getImageDetails(id, timeZone), getPhotoCredentials(id)]);
  if (!image) notFound();
  const published = image.usedIn.some((a) => a.status === "PUBLISHED");
  const decision = photoChangePolicy(viewer, image.use);
  const deletion = photoDeletePolicy(viewer, image.use);
  // Named where the viewer may know of them: stories they may open on the desk, and published ones
  // (without a desk link). A writer learns nothing of other people's drafts or scheduled stories.
  const usedIn = image.usedIn.filter((a) => mayKnowOfStory(viewer, a)).map((a) => ({ ...a, open: maySeeStory(viewer, a) }));
  const unseen = image.usedIn.length - usedIn.length;
  return (
    <>
      <p>
        <Link href="/admin/media">← All photos</Link>
      </p>
      <h1>{photoTitle(image)}</h1>
      <p>
        <CredentialsBadge credentials={credentials} /> <a href="#credentials-heading">About its Content Credentials</a>
      </p>
      {image.licenseExpired && image.use.liveStories.length > 0 ? (
        <p className="wire-warning" role="note" data-testid="license-expired">
          This photo&apos;s license ran out at the end of {formatDateOnly(new Date(image.licenseExpiresAt!))}, and{" "}
          {image.use.liveStories.length === 1
            ? "a live story still shows it"
            : `${image.use.liveStories.length} live stories still show it`}{" "}
          (under Used in). Replace the photo there or take it out; if the license was renewed, set its new date below. Editors hear of it in
          their notifications.
        </p>
      ) : null}
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
        deletion={deletion.allowed ? deletion : { allowed: false, inUse: deletion.inUse ? deletion.reason : null }}
        readOnlyReason={decision.allowed ? null : decision.reason}
      />
      <section className="card" aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Content Credentials</h2>
        {credentials ? (
          <>
            <CredentialDetails credentials={credentials} timeZone={timeZone} />
            <p className="muted">
              Read from the file at upload. The original keeps its manifest, privately; readers get resized copies
              {published ? (
                <>
                  {" "}
                  and can open <a href={credentials.path}>this summary</a> from under the photo&rsquo;s credit
                </>
              ) : (
                " and, once a published story shows the photo, a link to this summary under its credit"
              )}
              . Location and other details of the file are never shown to readers.
            </p>
          </>
        ) : (
          <p>
            <CredentialsBadge credentials={null} />{" "}
            <span className="muted">The file carried no Content Credentials (C2PA) when it was uploaded.</span>
          </p>
        )}
      </section>
      <section className="card">
        <h2>Used in</h2>
        {image.usedIn.length === 0 ? (
          <p className="muted">No story uses this photo yet.</p>
        ) : (
          <ul>
            {usedIn.map((a) => (
              <li key={a.id}>
                {a.open ? <Link href={`/admin/articles/${a.id}`}>{a.headline}</Link> : a.headline}{" "}
                <span className={`badge ${a.status}`}>{STATUS_LABELS[a.status]}</span>
              </li>
            ))}
            {unseen > 0 ? (
              <li className="muted" data-testid="used-in-unseen">
                {unseen === 1 ? "A story of someone else’s, not published" : `${unseen} stories of other people’s, not published`}
              </li>
            ) : null}
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
