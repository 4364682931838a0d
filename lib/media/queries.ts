import { db } from "../db";
import { variantUrl } from "./variants";

/** Photos for pickers, newest first, with the fields a credit line needs. */
export async function listLibraryImages(limit = 200) {
  const rows = await db.image.findMany({
    select: {
      id: true,
      sha256: true,
      width: true,
      height: true,
      altText: true,
      caption: true,
      credit: true,
      agency: true,
      licenseExpiresAt: true,
      focalX: true,
      focalY: true,
    },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((r) => toLibraryImage(r));
}

export function toLibraryImage<T extends { sha256: string; width: number; licenseExpiresAt: Date | null }>(r: T, now = new Date()) {
  return {
    ...r,
    src: variantUrl(r.sha256, r.width, 480),
    licenseExpiresAt: r.licenseExpiresAt?.toISOString() ?? null,
    licenseExpired: !!r.licenseExpiresAt && r.licenseExpiresAt < now,
  };
}
export type LibraryImage = Awaited<ReturnType<typeof listLibraryImages>>[number];
