import { db } from "../db";
import { mediaUrl } from "./urls";

/** Photos for pickers, newest first, with the fields a credit line needs. */
export async function listLibraryImages(limit = 200) {
  const rows = await db.image.findMany({
    select: { id: true, storageKey: true, width: true, height: true, altText: true, caption: true, credit: true, agency: true, licenseExpiresAt: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((r) => ({ ...r, src: mediaUrl(r.storageKey), licenseExpiresAt: r.licenseExpiresAt?.toISOString() ?? null }));
}
export type LibraryImage = Awaited<ReturnType<typeof listLibraryImages>>[number];
