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
  const widths = variantWidths(originalWidth);
  const best = widths.find((w) => w >= width) ?? widths[widths.length - 1]!;
  return mediaUrl(variantKey(sha256, best, format));
}
