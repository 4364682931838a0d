import exifReader from "exif-reader";
import type { PhotoDetailsFromFile } from "./schema";

/** What a photo's file says about itself: the fields agencies embed (IPTC, XMP, EXIF). */
export type EmbeddedMetadata = {
  creator: string;
  creditLine: string;
  source: string;
  copyright: string;
  caption: string;
  headline: string;
  /** Rights usage terms (XMP xmpRights:UsageTerms; IPTC-IIM has no such dataset). */
  usageTerms: string;
  /** When the photo was taken, as an ISO 8601 time ("" when the file does not say or says nonsense). */
  dateTaken: string;
};

const EMPTY: EmbeddedMetadata = {
  creator: "",
  creditLine: "",
  source: "",
  copyright: "",
  caption: "",
  headline: "",
  usageTerms: "",
  dateTaken: "",
};

// IPTC-IIM application record (2:x) datasets.
const IPTC_FIELDS: Record<number, keyof EmbeddedMetadata> = {
  80: "creator",
  110: "creditLine",
  115: "source",
  116: "copyright",
  120: "caption",
  105: "headline",
};

function decodeText(bytes: Buffer): string {
  const utf8 = bytes.toString("utf8");
  // Older files are Latin-1; a replacement character means the bytes were not UTF-8.
  return (utf8.includes("\uFFFD") ? bytes.toString("latin1") : utf8).replace(/\0+$/, "").trim();
}

/** Reads IPTC-IIM datasets from a raw IPTC block (or a Photoshop APP13 segment containing one). */
export function parseIptc(block: Buffer | undefined): Partial<EmbeddedMetadata> {
  const out: Partial<EmbeddedMetadata> = {};
  if (!block) return out;
  let date = "";
  let time = "";
  for (let i = 0; i + 5 <= block.length; i++) {
    if (block[i] !== 0x1c || block[i + 1] !== 0x02) continue;
    const dataset = block[i + 2]!;
    const size = block.readUInt16BE(i + 3);
    if (size & 0x8000 || i + 5 + size > block.length) continue; // extended sizes are not used by text fields
    const field = IPTC_FIELDS[dataset];
    const value = decodeText(block.subarray(i + 5, i + 5 + size));
    if (field && value && !out[field]) out[field] = value;
    if (dataset === 55 && !date) date = value;
    if (dataset === 60 && !time) time = value;
    i += 4 + size;
  }
  const taken = iptcDate(date, time);
  if (taken) out.dateTaken = taken;
  return out;
}

/** IPTC 2:55 (CCYYMMDD) and 2:60 (HHMMSS±HHMM) as one ISO time; a date alone is taken at noon UTC, so it reads as that day everywhere. */
function iptcDate(date: string, time: string): string {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!d) return "";
  const t = /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time);
  return isoOrEmpty(t ? `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}` : `${d[1]}-${d[2]}-${d[3]}T12:00:00Z`);
}

/** A time a file states, as ISO 8601, or "" when it is not a real date (or an implausible one). */
export function isoOrEmpty(value: string | Date | undefined): string {
  if (!value) return "";
  const date = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1826 || year > 2200 ? "" : date.toISOString();
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(+n))
    .replace(/&amp;/g, "&")
    .trim();

/** One XMP property, written either as an attribute or as an element (plain, Seq/Bag/Alt list). */
function xmpProperty(xmp: string, name: string): string {
  const attr = new RegExp(`${name}="([^"]*)"`).exec(xmp);
  if (attr) return decodeXml(attr[1]!);
  const element = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xmp);
  if (!element) return "";
  const li = /<rdf:li(?:\s[^>]*)?>([\s\S]*?)<\/rdf:li>/.exec(element[1]!);
  return decodeXml((li ? li[1]! : element[1]!).replace(/<[^>]+>/g, ""));
}

/** Reads the Dublin Core and Photoshop properties agencies fill in. */
export function parseXmp(xmp: string | undefined): Partial<EmbeddedMetadata> {
  if (!xmp) return {};
  return {
    creator: xmpProperty(xmp, "dc:creator"),
    creditLine: xmpProperty(xmp, "photoshop:Credit"),
    source: xmpProperty(xmp, "photoshop:Source"),
    copyright: xmpProperty(xmp, "dc:rights"),
    caption: xmpProperty(xmp, "dc:description"),
    headline: xmpProperty(xmp, "photoshop:Headline"),
    usageTerms: xmpProperty(xmp, "xmpRights:UsageTerms"),
    dateTaken: isoOrEmpty(xmpProperty(xmp, "photoshop:DateCreated") || xmpProperty(xmp, "exif:DateTimeOriginal")),
  };
}

export function parseExif(exif: Buffer | undefined): Partial<EmbeddedMetadata> {
  if (!exif) return {};
  try {
    const parsed = exifReader(exif);
    const tags = parsed.Image ?? {};
    const text = (v: unknown) => (typeof v === "string" ? v.replace(/\0+$/, "").trim() : "");
    // EXIF times carry no zone; exif-reader reads them as UTC, which keeps the day the camera showed.
    const taken = parsed.Photo?.DateTimeOriginal ?? tags.DateTime;
    return {
      creator: text(tags.Artist),
      copyright: text(tags.Copyright),
      caption: text(tags.ImageDescription),
      dateTaken: taken instanceof Date ? isoOrEmpty(taken) : "",
    };
  } catch {
    return {};
  }
}

/** IPTC first, then XMP, then EXIF, field by field: the order agencies and cameras are most reliable in. */
export function mergeMetadata(...sources: Partial<EmbeddedMetadata>[]): EmbeddedMetadata {
  const out = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof EmbeddedMetadata)[]) {
    out[key] = sources.map((s) => s[key]?.slice(0, 2000)).find((v) => !!v) ?? "";
  }
  return out;
}

/** The Image fields an upload fills in from what the file says (stored on the photo; the editor confirms them). */
export function prefillFromMetadata(m: EmbeddedMetadata): PhotoDetailsFromFile {
  return {
    credit: m.creator,
    agency: m.creditLine || m.source,
    copyright: m.copyright,
    caption: m.caption,
    license: m.usageTerms,
    dateTaken: m.dateTaken,
  };
}
