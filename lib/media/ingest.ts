import crypto from "node:crypto";
import sharp from "sharp";
import { db } from "../db";
import { recordAudit } from "../audit";
import { AppError, parseOrThrow } from "../errors";
import { imageMetadataSchema, type ImageMetadataInput } from "./schema";
import { mediaStore } from "./store";

export const MAX_IMAGE_PIXELS = 60_000_000;

/** Accepted formats, recognised by content (sharp's decoder), never by name or declared type. */
const FORMATS: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
  heif: { mime: "image/avif", ext: "avif" },
  gif: { mime: "image/gif", ext: "gif" },
};

/**
 * Adds a photo to the media library: checks what the bytes really are, stores them under
 * their content hash and records the Image row. The same file twice returns the first.
 */
export async function createImage(
  uploaderId: string | null,
  data: Buffer,
  fields: ImageMetadataInput,
  originalFilename?: string,
): Promise<{ id: string; existing: boolean }> {
  const meta = parseOrThrow(imageMetadataSchema, fields);
  const info = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" })
    .metadata()
    .catch(() => {
      throw new AppError("invalid", "This file is not a photo we can read (JPEG, PNG, WebP, AVIF or GIF).");
    });
  const format = info.format ? FORMATS[info.format] : undefined;
  if (!format || (info.format === "heif" && info.compression !== "av1")) {
    throw new AppError("invalid", "Upload a JPEG, PNG, WebP, AVIF or GIF photo.");
  }
  if (!info.width || !info.height) throw new AppError("invalid", "This photo has no readable dimensions.");
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  const existing = await db.image.findUnique({ where: { sha256 }, select: { id: true } });
  if (existing) return { id: existing.id, existing: true };

  const storageKey = `${sha256}.${format.ext}`;
  await mediaStore.put(storageKey, data);
  const rotated = (info.orientation ?? 1) >= 5;
  const image = await db.$transaction(async (tx) => {
    const row = await tx.image.create({
      data: {
        storageKey,
        sha256,
        mimeType: format.mime,
        width: rotated ? info.height! : info.width!,
        height: rotated ? info.width! : info.height!,
        bytes: data.length,
        originalFilename: originalFilename?.slice(0, 255) ?? null,
        ...meta,
        licenseExpiresAt: meta.licenseExpiresAt ?? null,
        uploadedById: uploaderId,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: uploaderId, action: "image.create", entityType: "Image", entityId: row.id, data: { storageKey } });
    return row;
  });
  return { id: image.id, existing: false };
}
