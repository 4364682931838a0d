import crypto from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit/mutations";
import { assertPermission, type Viewer } from "../auth/viewer";
import { AppError, parseOrThrow } from "../errors";
import { log } from "../log";
import { imageMetadataSchema, type ImageMetadataInput } from "./schema";
import { mediaStore } from "./store";
import { makeVariants, processImage, type MediaLimits, type ProcessedImage } from "./process";
import { variantBase, variantKey, variantKeysOf, variantSelect } from "./variants";
import { prefillFromMetadata } from "./metadata";
import type { PhotoDetailsFromFile } from "./schema";
import { assertMayChangePhoto, photoUse } from "./policy";
import { readCredentials } from "../provenance/c2pa";
import { credentialAudit, saveCredential } from "../provenance/mutations";

/** The original and every variant of a processed upload, as [key, bytes]. */
const filesOf = (sha256: string, original: Buffer, processed: ProcessedImage): [string, Buffer][] => [
  [`${sha256}.${processed.ext}`, original],
  ...processed.variants.map((v) => [variantKey(sha256, v.width, v.format), v.data] as [string, Buffer]),
];

/**
 * After the row is recorded: writes again any of its files that are missing. The orphan sweep
 * (lib/media/orphans.ts) removes files no row names once they are an hour old; an identical file
 * uploaded again just as the sweep takes the old copies would otherwise leave a row without files.
 */
async function ensureStored(files: [string, Buffer][]) {
  await Promise.all(
    files.map(async ([key, data]) => {
      if (!(await mediaStore.exists(key))) await mediaStore.put(key, data);
    }),
  ).catch((error: unknown) => log("warn", "could not check a new photo's files", { error: String(error) }));
}

/** Writes files; on any failure removes what was written, so no partial set remains. */
export async function storeFiles(files: [string, Buffer][]): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const [key, data] of files) {
      await mediaStore.put(key, data);
      written.push(key);
    }
    return written;
  } catch (error) {
    await removeFiles(written);
    log("error", "media store failed", { store: mediaStore.describe(), error: String(error) });
    if ((error as NodeJS.ErrnoException).code === "ENOSPC") {
      throw new AppError(
        "storage_full",
        "The server is out of disk space, so this photo was not stored. Nothing was saved; try again later, and tell your administrator.",
      );
    }
    // The server's failure, not the file's: a 503 that monitoring sees (it was a 422, like a refused
    // input, then a 507, as if the disk were full).
    throw new AppError(
      "unavailable",
      "The photo could not be stored: the photo store did not take its file. Nothing was saved; try again later, and tell your administrator if it goes on.",
    );
  }
}

export async function removeFiles(keys: string[]) {
  await Promise.all(keys.map((k) => mediaStore.remove(k).catch(() => {})));
}

/**
 * `fromFile`: the details the file gave, now on the photo's record (null for a photo already in
 * the library: its record holds what editors confirmed since, which the caller reads).
 */
export type CreatedImage = { id: string; existing: boolean; fromFile: PhotoDetailsFromFile | null };

/** What a file says, cut to the lengths the photo's fields take, as the record's fields. */
function detailsForRecord(details: PhotoDetailsFromFile) {
  const cut = (v: string, max: number) => v.trim().slice(0, max);
  return {
    caption: cut(details.caption, 2000),
    credit: cut(details.credit, 200),
    agency: cut(details.agency, 200),
    copyright: cut(details.copyright, 300),
    license: cut(details.license, 1000),
    dateTaken: details.dateTaken ? new Date(details.dateTaken) : null,
  };
}

/**
 * Adds a photo to the media library: checks what the bytes really are, stores the
 * original and its variants under the content hash and records the Image row, with the
 * caption, credit, copyright, usage terms and date taken the file carries (marked for an
 * editor to confirm). The same file twice returns the photo already there, with its details.
 * Anyone with media.upload.
 */
export async function createImage(
  viewer: Viewer,
  data: Buffer,
  fields: ImageMetadataInput,
  originalFilename?: string,
  limits?: MediaLimits,
): Promise<CreatedImage> {
  assertPermission(viewer, "media.upload");
  const uploaderId = viewer.id;
  const meta = parseOrThrow(imageMetadataSchema, fields);
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  const existing = await db.image.findUnique({ where: { sha256 }, select: { id: true } });
  if (existing) return { id: existing.id, existing: true, fromFile: null };

  const processed = await processImage(data, limits);
  // Content Credentials (C2PA) the original carries: read and validated now, kept with it.
  const credential = await readCredentials(data, processed.mime);
  const fromFile = prefillFromMetadata(processed.metadata);
  const fileDetails = detailsForRecord(fromFile);
  const anyFromFile = Object.values(fromFile).some(Boolean);
  const keys = await storeFiles(filesOf(sha256, data, processed));
  try {
    const image = await db.$transaction(async (tx) => {
      const row = await tx.image.create({
        data: {
          storageKey: `${sha256}.${processed.ext}`,
          sha256,
          mimeType: processed.mime,
          width: processed.width,
          height: processed.height,
          bytes: data.length,
          originalFilename: originalFilename?.slice(0, 255) ?? null,
          ...fileDetails,
          // What the uploader typed wins over what the file says.
          ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== "" && v != null)),
          licenseExpiresAt: meta.licenseExpiresAt ?? null,
          detailsConfirmed: !anyFromFile,
          uploadedById: uploaderId,
        },
        select: { id: true },
      });
      await saveCredential(tx, row.id, sha256, credential);
      await recordAudit(tx, {
        actorId: uploaderId,
        action: "image.create",
        entityType: "Image",
        entityId: row.id,
        data: {
          sha256,
          filename: originalFilename,
          fromFile: Object.keys(fromFile).filter((k) => !!fromFile[k as keyof typeof fromFile]),
          ...credentialAudit(credential),
        },
      });
      return row;
    });
    await ensureStored(filesOf(sha256, data, processed));
    return { id: image.id, existing: false, fromFile: anyFromFile ? fromFile : null };
  } catch (error) {
    // Two uploads of the same new file at once: the loser removes nothing the winner needs.
    const winner = await db.image.findUnique({ where: { sha256 }, select: { id: true } });
    if (winner) return { id: winner.id, existing: true, fromFile: null };
    await removeFiles(keys);
    throw error;
  }
}

/**
 * Replaces a photo's file, keeping the Image (and so every story that uses it). A photo a live
 * story shows may be replaced only by editors (lib/media/policy.ts). The old files are not
 * removed here: pages cached before the replacement still point at them. sweepReplacedFiles
 * (lib/media/cleanup.ts) removes them once no cached page can show them any more.
 */
export async function replaceImageFile(viewer: Viewer, imageId: string, data: Buffer, originalFilename?: string, limits?: MediaLimits) {
  assertPermission(viewer, "media.edit");
  const current = await db.image.findUnique({ where: { id: imageId }, select: { ...variantSelect, storageKey: true } });
  if (!current) throw new AppError("not_found", "That photo is no longer in the library.");
  // Asked before the work, so a refused writer waits for nothing; asked again in the write.
  assertMayChangePhoto(viewer, await photoUse(imageId));
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  if (sha256 === current.sha256) return { id: imageId, fromFile: null };
  const other = await db.image.findUnique({ where: { sha256 }, select: { id: true } });
  if (other) throw new AppError("conflict", "This file is already in the library as another photo.");
  const processed = await processImage(data, limits);
  const credential = await readCredentials(data, processed.mime);
  // A cropped photo keeps its crop, cut from the new file: readers get the crop's variants, which
  // were never made for it (its stories showed broken images).
  const shown = variantBase({ ...current, sha256, width: processed.width, height: processed.height });
  const files = [
    ...filesOf(sha256, data, processed),
    ...(shown.base === sha256
      ? []
      : (await makeVariants(data, processed.width, processed.height, current, limits)).map(
          (v) => [variantKey(shown.base, v.width, v.format), v.data] as [string, Buffer],
        )),
  ];
  const keys = await storeFiles(files);
  try {
    await db.$transaction(async (tx) => {
      const now = await tx.image.findUnique({ where: { id: imageId }, select: variantSelect });
      if (!now) throw new AppError("not_found", "That photo is no longer in the library.");
      if (now.sha256 !== current.sha256)
        throw new AppError("conflict", "Someone replaced this photo's file a moment ago. Reload the page to see it.");
      if (variantBase(now).base !== variantBase(current).base)
        throw new AppError("conflict", "Someone cropped this photo a moment ago. Reload the page and replace its file again.");
      // A story using it may have gone live while the file was processed.
      assertMayChangePhoto(viewer, await photoUse(imageId, tx));
      await tx.image.update({
        where: { id: imageId },
        data: {
          storageKey: `${sha256}.${processed.ext}`,
          sha256,
          mimeType: processed.mime,
          width: processed.width,
          height: processed.height,
          bytes: data.length,
          originalFilename: originalFilename?.slice(0, 255) ?? null,
        },
      });
      await saveCredential(tx, imageId, sha256, credential);
      // The old files' names, for the sweep that removes them after the grace period.
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "image.replace",
        entityType: "Image",
        entityId: imageId,
        data: {
          from: current.sha256,
          to: sha256,
          fromKey: current.storageKey,
          fromWidth: current.width,
          ...(variantBase(current).base === current.sha256
            ? {}
            : { fromCrop: variantBase(current).base, fromCropWidth: variantBase(current).width }),
          ...credentialAudit(credential),
        },
      });
    });
  } catch (error) {
    await removeFiles(keys);
    throw error;
  }
  await ensureStored(files);
  return { id: imageId, fromFile: prefillFromMetadata(processed.metadata) };
}

/** Every file a stored photo has: its original and its variants. */
export async function storedKeysOf(sha256: string, storageKey: string, width: number): Promise<string[]> {
  return [storageKey, ...variantKeysOf(sha256, width)];
}

export { variantKeysOf } from "./variants";
