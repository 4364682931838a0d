import { db } from "../db";
import { readerVisibleWhere } from "../articles/policy";
import { articlePath } from "../articles/path";
import { variantBase, variantSelect, variantUrl } from "../media/variants";
import { creditLine } from "../media/schema";
import { credentialSelect, toCredentials } from "./dto";

/** A library photo's credentials for the desk (the photo form); null when its file carried none. */
export async function getPhotoCredentials(imageId: string) {
  const row = await db.photoCredential.findUnique({ where: { imageId }, select: credentialSelect });
  return row ? toCredentials(imageId, row) : null;
}

/**
 * The reader's Content Credentials view: a photo a published story shows (others are not public),
 * with its picture, caption and credit as the library has them, and its credentials (null: the
 * file carried none). Nothing from the file's EXIF, XMP or IPTC beyond what editors confirmed.
 */
export async function getPublicPhotoCredentials(imageId: string) {
  const image = await db.image.findFirst({
    where: { id: imageId, placements: { some: { article: readerVisibleWhere } } },
    select: {
      id: true,
      ...variantSelect,
      altText: true,
      caption: true,
      credit: true,
      agency: true,
      creditLine: true,
      credential: { select: credentialSelect },
      placements: {
        where: { article: readerVisibleWhere },
        select: { article: { select: { headline: true, slug: true, section: { select: { slug: true } } } } },
        take: 5,
      },
    },
  });
  if (!image) return null;
  const shown = variantBase(image);
  return {
    id: image.id,
    src: variantUrl(shown.base, shown.width, 960),
    width: shown.width,
    height: shown.height,
    alt: image.altText,
    caption: image.caption,
    // The credit readers see under the photo in its stories, exactly.
    creditLine: creditLine(image.credit, image.agency, image.creditLine),
    stories: [
      ...new Map(image.placements.map((p) => [p.article.slug, { headline: p.article.headline, path: articlePath(p.article) }])).values(),
    ],
    credentials: image.credential ? toCredentials(image.id, image.credential) : null,
  };
}
