import { mediaUrl } from "./urls";

/** Widths every photo is served at (never wider than the original), in AVIF, WebP and JPEG. */
export const VARIANT_WIDTHS = [480, 960, 1600, 2400] as const;
export const VARIANT_FORMATS = ["avif", "webp", "jpg"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export function variantWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < originalWidth);
  const top = Math.min(originalWidth, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!);
  if (!widths.includes(top)) widths.push(top);
  return widths;
}

export const variantKey = (sha256: string, width: number, format: VariantFormat) => `${sha256}-w${width}.${format}`;

/** The srcset of one format, e.g. "/media/…-w480.webp 480w, /media/…-w960.webp 960w". */
export function srcSet(sha256: string, originalWidth: number, format: VariantFormat): string {
  return variantWidths(originalWidth)
    .map((w) => `${mediaUrl(variantKey(sha256, w, format))} ${w}w`)
    .join(", ");
}

/** A JPEG of about `width` pixels, for the fallback src and for feeds and cards. */
export function variantUrl(sha256: string, originalWidth: number, width: number, format: VariantFormat = "jpg"): string {
  return mediaUrl(variantKey(sha256, variantWidthFor(originalWidth, width), format));
}

/** The width of the variant variantUrl serves for `width`: the smallest at least as wide, or the widest there is. */
export function variantWidthFor(originalWidth: number, width: number): number {
  const widths = variantWidths(originalWidth);
  return widths.find((w) => w >= width) ?? widths[widths.length - 1]!;
}

/** The pixel size of the file variantUrl serves for `width`: sharp keeps the aspect ratio, rounding the height. */
export function variantSize(originalWidth: number, originalHeight: number, width: number): { width: number; height: number } {
  const served = variantWidthFor(originalWidth, width);
  return { width: served, height: Math.round((originalHeight * served) / originalWidth) };
}

export type Crop = { cropX: number; cropY: number; cropW: number; cropH: number };
export const FULL_CROP: Crop = { cropX: 0, cropY: 0, cropW: 1, cropH: 1 };

const isFull = (c: Crop) => c.cropX <= 0 && c.cropY <= 0 && c.cropW >= 1 && c.cropH >= 1;

/** The crop in whole pixels of the oriented original (never empty, never outside it). */
export function cropPixels(width: number, height: number, c: Crop) {
  const left = Math.min(width - 1, Math.max(0, Math.round(c.cropX * width)));
  const top = Math.min(height - 1, Math.max(0, Math.round(c.cropY * height)));
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(c.cropW * width))),
    height: Math.max(1, Math.min(height - top, Math.round(c.cropH * height))),
  };
}

/**
 * What readers get of a stored photo: the name its variants are stored under and the size of the
 * cropped picture. An uncropped photo's variants are named by its content hash alone (as before
 * crops existed); a cropped one's also by the crop, so a new crop gets new addresses and no cache
 * (a year, immutable) can keep showing the old one.
 */
export function variantBase(image: { sha256: string; width: number; height: number } & Crop) {
  if (isFull(image)) return { base: image.sha256, width: image.width, height: image.height };
  const px = cropPixels(image.width, image.height, image);
  return { base: `${image.sha256}-c${px.left}x${px.top}x${px.width}x${px.height}`, width: px.width, height: px.height };
}

/** The fields a variant address needs, for `select`s. */
export const variantSelect = { sha256: true, width: true, height: true, cropX: true, cropY: true, cropW: true, cropH: true } as const;

/** The variant files stored under `base` (a content hash, or a hash and crop: variantBase) for a picture `width` wide. */
export function variantKeysOf(base: string, width: number): string[] {
  return variantWidths(width).flatMap((w) => VARIANT_FORMATS.map((f) => variantKey(base, w, f)));
}

/**
 * Every file a stored photo has: its original, its uncropped variants (made at upload, always
 * there) and, when it is cropped, its crop's, which readers get.
 */
export function photoFileKeys(image: { storageKey: string; sha256: string; width: number; height: number } & Crop): string[] {
  const shown = variantBase(image);
  return [
    image.storageKey,
    ...variantKeysOf(image.sha256, image.width),
    ...(shown.base === image.sha256 ? [] : variantKeysOf(shown.base, shown.width)),
  ];
}
