import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { variantBase, variantSelect, variantUrl } from "./variants";
import { licenseExpired } from "./license";
import { readSiteSettings } from "../settings/queries";

/** The fields a photo card (library grid, pickers) shows: a thumbnail, caption, credit and file name. */
export const photoCardSelect = {
  id: true,
  ...variantSelect,
  altText: true,
  caption: true,
  credit: true,
  agency: true,
  creditLine: true,
  copyright: true,
  license: true,
  dateTaken: true,
  detailsConfirmed: true,
  originalFilename: true,
  licenseExpiresAt: true,
  focalX: true,
  focalY: true,
  createdAt: true,
  // Photo provenance (issue 19): the Content Credentials status for the card's badge.
  credential: { select: { status: true, signerName: true, signerOrg: true } },
} satisfies Prisma.ImageSelect;

/** The first photos for pickers, newest first; pickers search and page further through GET /api/media. */
export async function listLibraryImages(limit = 24) {
  const [rows, { timeZone }] = await Promise.all([
    db.image.findMany({ select: photoCardSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
    readSiteSettings(),
  ]);
  return rows.map((r) => toLibraryImage(r, timeZone));
}

/** Photos by id, as picker cards (a story's photo that is not on the picker's first page). */
export async function getLibraryImages(ids: string[]) {
  if (ids.length === 0) return [];
  const [rows, { timeZone }] = await Promise.all([
    db.image.findMany({ where: { id: { in: ids.slice(0, 50) } }, select: photoCardSelect }),
    readSiteSettings(),
  ]);
  return rows.map((r) => toLibraryImage(r, timeZone));
}

type CardRow = Prisma.ImageGetPayload<{ select: typeof photoCardSelect }>;

/**
 * A photo card as the client gets it: the thumbnail of the crop readers get, dates as ISO strings,
 * and whether its license has run out in the newsroom's `timeZone`.
 */
export function toLibraryImage<T extends CardRow>(r: T, timeZone: string, now = new Date()) {
  const shown = variantBase(r);
  const { createdAt, dateTaken, licenseExpiresAt, width, height, ...rest } = r;
  return {
    ...rest,
    // The picture readers get (after the crop): thumbnails keep its shape.
    width: shown.width,
    height: shown.height,
    originalWidth: width,
    originalHeight: height,
    src: variantUrl(shown.base, shown.width, 480),
    createdAt: createdAt.toISOString(),
    dateTaken: dateTaken?.toISOString() ?? null,
    licenseExpiresAt: licenseExpiresAt?.toISOString() ?? null,
    licenseExpired: licenseExpired(licenseExpiresAt, now, timeZone),
  };
}
export type LibraryImage = ReturnType<typeof toLibraryImage<CardRow>>;
