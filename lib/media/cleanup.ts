import { db } from "../db";
import { log } from "../log";
import { removeFiles, storedKeysOf, variantKeysOf } from "./ingest";
import { variantBase, variantSelect } from "./variants";

/**
 * How long a replaced photo's old files stay after the replacement. Dateline expires every page
 * that shows the photo at once, but copies made before may still point at the old addresses: a
 * CDN's page (s-maxage 60 s, stale-while-revalidate 300 s), a browser's back button, a feed
 * reader's copy of the feed, an article shared as HTML. A week covers all of them by far, and the
 * files are small next to the disk they sit on.
 */
export const REPLACED_FILES_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** Replacements older than this past their grace period were swept by earlier runs. */
const SWEEP_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

type ReplaceAudit = { from?: unknown; fromKey?: unknown; fromWidth?: unknown; fromCrop?: unknown; fromCropWidth?: unknown };

/**
 * Removes the files a photo had before a replacement whose grace period has passed, unless the
 * same file is in the library again. The list comes from the database (each replacement's audit
 * event names the old files), so any process may run it, any number of times. Runs after every
 * upload and replacement; a scheduler may also call it.
 */
export async function sweepReplacedFiles(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - REPLACED_FILES_KEPT_MS);
  const events = await db.auditEvent.findMany({
    where: { action: "image.replace", entityType: "Image", createdAt: { lte: before, gt: new Date(before.getTime() - SWEEP_WINDOW_MS) } },
    select: { data: true },
  });
  let removed = 0;
  for (const { data } of events) {
    const { from, fromKey, fromWidth, fromCrop, fromCropWidth } = (data ?? {}) as ReplaceAudit;
    if (typeof from !== "string" || typeof fromKey !== "string" || typeof fromWidth !== "number") continue;
    // The same file uploaded again (or a replacement back to it) uses these files now.
    if ((await db.image.count({ where: { OR: [{ sha256: from }, { storageKey: fromKey }] } })) > 0) continue;
    await removeFiles(await storedKeysOf(from, fromKey, fromWidth));
    // A cropped photo's old file had its crop's variants too.
    if (typeof fromCrop === "string" && fromCrop.startsWith(`${from}-c`) && typeof fromCropWidth === "number")
      await removeFiles(variantKeysOf(fromCrop, fromCropWidth));
    removed++;
  }
  return removed + (await sweepOldCrops(before));
}

/** Removes the variants of crops replaced by a newer crop before `before`, unless the photo is back at that crop. */
async function sweepOldCrops(before: Date): Promise<number> {
  const events = await db.auditEvent.findMany({
    where: { action: "image.crop", entityType: "Image", createdAt: { lte: before, gt: new Date(before.getTime() - SWEEP_WINDOW_MS) } },
    select: { entityId: true, data: true },
  });
  let removed = 0;
  for (const { entityId, data } of events) {
    const { fromBase, fromWidth } = (data ?? {}) as { fromBase?: unknown; fromWidth?: unknown };
    // An uncropped photo's variants (named by the hash alone) stay: they are the photo's own.
    if (typeof fromBase !== "string" || typeof fromWidth !== "number" || !fromBase.includes("-c")) continue;
    const image = await db.image.findUnique({ where: { id: entityId }, select: variantSelect });
    if (image && variantBase(image).base === fromBase) continue;
    await removeFiles(variantKeysOf(fromBase, fromWidth));
    removed++;
  }
  return removed;
}

/** Runs a sweep without holding up the caller; a failure is logged and retried by the next one. */
export function sweepReplacedFilesLater(): void {
  setTimeout(() => {
    sweepReplacedFiles().catch((error: unknown) => log("warn", "sweep of replaced photo files failed", { error: String(error) }));
  }, 0).unref?.();
}
