import type { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { storeFiles, removeFiles } from "./ingest";
import { makeVariants } from "./process";
import { assertMayChangePhoto, photoUse } from "./policy";
import { photoCropSchema } from "./schema";
import { mediaStore } from "./store";
import { variantBase, variantKey, variantSelect } from "./variants";

/**
 * Sets the crop readers get of a photo and makes its variants from the original (media.edit; a
 * live story's photo, editors: lib/media/policy.ts). The new variants have new addresses
 * (variantBase), so no cache keeps the old crop; the old crop's files stay for the grace period
 * of replaced files (lib/media/cleanup.ts sweeps them). The caller expires the stories showing it.
 */
export async function cropImage(viewer: Viewer, input: z.input<typeof photoCropSchema>) {
  assertPermission(viewer, "media.edit");
  const { id, ...crop } = parseOrThrow(photoCropSchema, input);
  const current = await db.image.findUnique({ where: { id }, select: { ...variantSelect, storageKey: true } });
  if (!current) throw new AppError("not_found", "That photo is no longer in the library.");
  assertMayChangePhoto(viewer, await photoUse(id));
  const before = variantBase(current);
  const after = variantBase({ ...current, ...crop });
  if (before.base === after.base) return { id, changed: false };
  const original = await mediaStore.get(current.storageKey);
  if (!original) throw new AppError("invalid", "This photo's original file is missing, so it cannot be cropped. Replace the file first.");
  // The uncropped variants always exist (made at upload); a crop's are made now.
  const written =
    after.base === current.sha256
      ? []
      : await storeFiles(
          (await makeVariants(original, current.width, current.height, crop)).map((v) => [
            variantKey(after.base, v.width, v.format),
            v.data,
          ]),
        );
  try {
    await db.$transaction(async (tx) => {
      const now = await tx.image.findUnique({ where: { id }, select: variantSelect });
      if (!now || now.sha256 !== current.sha256)
        throw new AppError("conflict", "Someone replaced this photo's file a moment ago. Reload the page and crop again.");
      assertMayChangePhoto(viewer, await photoUse(id, tx));
      await tx.image.update({ where: { id }, data: crop });
      // The old crop's variants, for the sweep that removes them after the grace period.
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "image.crop",
        entityType: "Image",
        entityId: id,
        data: { fromBase: before.base, fromWidth: before.width, crop },
      });
    });
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
  return { id, changed: true };
}
