import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/session";
import { libraryFilterSchema, listLibrary } from "@/lib/media/library";
import { creditLine } from "@/lib/media/schema";
import { Uploader } from "./uploader";
import { PageLinks } from "@/components/ui/page-links";
import { CredentialsBadge } from "@/components/article/content-credentials";

export const metadata: Metadata = { title: "Photos" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  await requirePermission("media.upload", "/admin/media");
  const filter = libraryFilterSchema.parse(await searchParams);
  const { rows, total, page, pages } = await listLibrary(filter);
  const href = (n: number) =>
    `/admin/media?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.missing ? { missing: filter.missing } : {}), page: String(n) })}`;
  return (
    <>
      <h1>Photos</h1>
      <Uploader />
      <form className="filters" method="get" role="search" aria-label="Search photos">
        <div className="field">
          <label htmlFor="q">Search caption, credit, alt text or file name</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="missing">Show</label>
          <select id="missing" name="missing" defaultValue={filter.missing ?? ""}>
            <option value="">All photos</option>
            <option value="alt">Missing alt text</option>
            <option value="credit">Missing credit</option>
          </select>
        </div>
        <button type="submit" className="button secondary">
          Apply
        </button>
      </form>
      <p className="muted">
        {total} {total === 1 ? "photo" : "photos"}
      </p>
      <ul className="library-grid">
        {rows.map((img) => {
          const credit = creditLine(img.credit, img.agency, img.creditLine);
          return (
            <li key={img.id}>
              <Link href={`/admin/media/${img.id}`} className="library-card">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={img.src}
                  alt={img.altText || ""}
                  width={240}
                  height={Math.round((240 * img.height) / img.width)}
                  loading="lazy"
                  style={{ objectPosition: `${img.focalX * 100}% ${img.focalY * 100}%` }}
                />
                <span className="library-caption">{img.caption || <em>No caption</em>}</span>
                <span className={credit ? "library-credit" : "library-credit missing"}>{credit || "Missing credit"}</span>
                {!img.altText ? <span className="badge UNPUBLISHED">No alt text</span> : null}
                {!img.detailsConfirmed ? <span className="badge IN_REVIEW">Details from the file: confirm</span> : null}
                {img.licenseExpired ? <span className="badge UNPUBLISHED">License expired</span> : null}
                {img.credential ? <CredentialsBadge credentials={img.credential} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      <PageLinks page={page} pages={pages} href={href} />
    </>
  );
}
