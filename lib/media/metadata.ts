import exifReader from "exif-reader";

/** What a photo's file says about itself: the fields agencies embed (IPTC, XMP, EXIF). */
export type EmbeddedMetadata = {
  creator: string;
  creditLine: string;
  source: string;
  copyright: string;
  caption: string;
  headline: string;
};

const EMPTY: EmbeddedMetadata = { creator: "", creditLine: "", source: "", copyright: "", caption: "", headline: "" };

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
  for (let i = 0; i + 5 <= block.length; i++) {
    if (block[i] !== 0x1c || block[i + 1] !== 0x02) continue;
    const dataset = block[i + 2]!;
    const size = block.readUInt16BE(i + 3);
    if (size & 0x8000 || i + 5 + size > block.length) continue; // extended sizes are not used by text fields
    const field = IPTC_FIELDS[dataset];
    const value = decodeText(block.subarray(i + 5, i + 5 + size));
    if (field && value && !out[field]) out[field] = value;
    i += 4 + size;
  }
  return out;
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
  };
}

export function parseExif(exif: Buffer | undefined): Partial<EmbeddedMetadata> {
  if (!exif) return {};
  try {
    const tags = exifReader(exif).Image ?? {};
    const text = (v: unknown) => (typeof v === "string" ? v.replace(/\0+$/, "").trim() : "");
    return { creator: text(tags.Artist), copyright: text(tags.Copyright), caption: text(tags.ImageDescription) };
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

/** The Image fields an upload prefills from what the file says (the editor confirms them). */
export function prefillFromMetadata(m: EmbeddedMetadata) {
  return {
    credit: m.creator,
    agency: m.creditLine || m.source,
    copyright: m.copyright,
    caption: m.caption,
  };
}
