import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPhotoCredentialsView, getSiteSettings } from "@/lib/cache/public-data";
import { CredentialDetails, CredentialsBadge } from "@/components/article/content-credentials";
import { Credit } from "@/components/article/credit";

type Props = { params: Promise<{ id: string }> };

// Rendered per request from a cached read (tagged `front`); the HTTP cache in front keeps the page
// (lib/cache/http-policy.ts, lib/cache/surrogate-keys.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const photo = await getPhotoCredentialsView((await params).id);
  if (!photo) return { title: "Page not found", robots: { index: false } };
  return { title: "Content Credentials", description: photo.caption || photo.alt, robots: { index: false } };
}

/**
 * A published photo's Content Credentials (C2PA), for readers: who signed it, with what, what was
 * done to it and whether the signature validates. Photos no published story shows are not found.
 * Never location or other EXIF data: only the stored summary (lib/provenance).
 */
export default async function PhotoCredentialsPage({ params }: Props) {
  const { id } = await params;
  const [photo, { timeZone }] = await Promise.all([getPhotoCredentialsView(id), getSiteSettings()]);
  if (!photo) notFound();
  return (
    <main id="main" className="page">
      <article className="photo-credentials">
        <h1 className="section-title">Content Credentials</h1>
        <figure className="article-figure">
          {/* Plain img: the variants are made at upload. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={photo.src} alt={photo.alt} width={photo.width} height={photo.height} decoding="async" />
          {photo.caption || photo.creditLine ? (
            <figcaption>
              {photo.caption ? <span className="caption">{photo.caption}</span> : null}
              {photo.caption && photo.creditLine ? " " : null}
              {photo.creditLine ? <Credit line={photo.creditLine} /> : null}
            </figcaption>
          ) : null}
        </figure>
        {photo.stories.length > 0 ? (
          <p className="muted">
            In{" "}
            {photo.stories.map((s, i) => (
              <span key={s.path}>
                {i > 0 ? ", " : ""}
                <Link href={s.path}>{s.headline}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {photo.credentials ? (
          <CredentialDetails credentials={photo.credentials} timeZone={timeZone} />
        ) : (
          <p>
            <CredentialsBadge credentials={null} /> This photo carried no Content Credentials when it reached us.
          </p>
        )}
        <h2 className="list-heading">About Content Credentials</h2>
        <p>
          Content Credentials (the C2PA standard) are a signed record that a camera, an editing program or a photo agency attaches to a
          photo: who made it, with what, and what was done to it since. We check the signature when the photo reaches us and keep the signed
          original. The photo above is a resized copy made for this site. We do not show where the photo was taken or other details of the
          camera file.
        </p>
      </article>
    </main>
  );
}
