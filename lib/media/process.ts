import sharp from "sharp";
import { env } from "../env";
import { AppError } from "../errors";
import { mergeMetadata, parseExif, parseIptc, parseXmp, type EmbeddedMetadata } from "./metadata";
import { signVariants } from "../provenance/sign";
import { cropPixels, FULL_CROP, VARIANT_FORMATS, variantWidths, type Crop, type VariantFormat } from "./variants";

export type MediaLimits = { maxBytes: number; maxPixels: number };
export const defaultLimits = (): MediaLimits => ({
  maxBytes: env.DATELINE_MAX_UPLOAD_MB * 1_000_000,
  maxPixels: env.DATELINE_MAX_MEGAPIXELS * 1_000_000,
});

const FORMATS = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
  avif: { mime: "image/avif", ext: "avif" },
  gif: { mime: "image/gif", ext: "gif" },
} as const;
type Format = keyof typeof FORMATS;

/** What the bytes are, from their signature; never from the name or the declared type. */
export function sniffFormat(data: Buffer): Format | null {
  if (data.length < 16) return null;
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "jpeg";
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  const head6 = data.subarray(0, 6).toString("latin1");
  if (head6 === "GIF87a" || head6 === "GIF89a") return "gif";
  if (data.subarray(0, 4).toString("latin1") === "RIFF" && data.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  if (data.subarray(4, 8).toString("latin1") === "ftyp" && /^avi[fs]$/.test(data.subarray(8, 12).toString("latin1"))) return "avif";
  return null;
}

const damaged = () => new AppError("invalid", "This photo is damaged or incomplete and cannot be read. Try exporting it again.");

export type ProcessedImage = {
  mime: string;
  ext: string;
  width: number;
  height: number;
  metadata: EmbeddedMetadata;
  variants: { width: number; format: VariantFormat; data: Buffer }[];
};

/**
 * Checks and converts an upload: size, real format, pixel count (decompression bombs),
 * a full decode (truncated files), then orientation-corrected variants with every EXIF,
 * GPS and other private field removed (sharp writes no metadata unless asked).
 */
export async function processImage(data: Buffer, limits: MediaLimits = defaultLimits()): Promise<ProcessedImage> {
  if (data.length > limits.maxBytes) {
    throw new AppError(
      "invalid",
      `This file is ${(data.length / 1_000_000).toFixed(1)} MB; the limit is ${Math.round(limits.maxBytes / 1_000_000)} MB.`,
    );
  }
  const format = sniffFormat(data);
  if (!format)
    throw new AppError(
      "invalid",
      "This file is not a JPEG, PNG, WebP, AVIF or GIF photo. (We check what the file contains, not its name.)",
    );
  const info = await sharp(data, { failOn: "truncated", limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw damaged();
    });
  if (!info.width || !info.height) throw damaged();
  if (info.width * info.height > limits.maxPixels) {
    throw new AppError(
      "invalid",
      `This photo is ${Math.round((info.width * info.height) / 1_000_000)} megapixels; the limit is ${Math.round(limits.maxPixels / 1_000_000)}.`,
    );
  }
  if (format === "avif" && info.compression !== "av1")
    throw new AppError("invalid", "This HEIF file is not AVIF. Export the photo as JPEG or AVIF.");
  const rotated = (info.orientation ?? 1) >= 5;
  const width = rotated ? info.height : info.width;
  const height = rotated ? info.width : info.height;
  const metadata = mergeMetadata(parseIptc(info.iptc), parseXmp(info.xmp?.toString("utf8")), parseExif(info.exif));

  const variants = await makeVariants(data, width, height, FULL_CROP, limits);
  return { mime: FORMATS[format].mime, ext: FORMATS[format].ext, width, height, metadata, variants };
}

/**
 * Cuts `crop` out of the orientation-corrected photo and makes every variant of it (AVIF, WebP,
 * JPEG at each width), with no metadata. `width`×`height` is the oriented original's size.
 */
export async function makeVariants(
  data: Buffer,
  width: number,
  height: number,
  crop: Crop,
  limits: MediaLimits = defaultLimits(),
): Promise<ProcessedImage["variants"]> {
  const px = cropPixels(width, height, crop);
  const whole = px.left === 0 && px.top === 0 && px.width === width && px.height === height;
  const base = sharp(data, { failOn: "truncated", limitInputPixels: limits.maxPixels, autoOrient: true });
  const cropped = whole ? base : base.extract(px);
  const variants: ProcessedImage["variants"] = [];
  try {
    for (const w of variantWidths(px.width)) {
      const resized = cropped.clone().resize({ width: w, withoutEnlargement: true });
      for (const f of VARIANT_FORMATS) {
        const out =
          f === "avif"
            ? resized.clone().avif({ quality: 50, effort: 2 })
            : f === "webp"
              ? resized.clone().webp({ quality: 78 })
              : resized.clone().jpeg({ quality: 80, mozjpeg: true });
        variants.push({ width: w, format: f, data: await out.toBuffer() });
      }
    }
  } catch {
    throw damaged();
  }
  // With the newsroom's certificate configured, each variant carries Content Credentials of its own
  // with the original as parent, location redacted (lib/provenance/sign.ts); otherwise none.
  const format = sniffFormat(data);
  return format ? signVariants(data, FORMATS[format].mime, variants, !whole) : variants;
}
