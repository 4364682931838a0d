import zlib from "node:zlib";
import sharp from "sharp";

/** A real photo-like image in any accepted format (a gradient, so encoders have work to do). */
export async function makePhoto(format: "jpeg" | "png" | "webp" | "avif" | "gif", width = 1200, height = 800, seed = 0): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#${(0x335577 + seed * 4099).toString(16).slice(-6).padStart(6, "0")}"/><stop offset="1" stop-color="#e0c090"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#224"/></svg>`;
  const img = sharp(Buffer.from(svg));
  if (format === "jpeg") return img.jpeg().toBuffer();
  if (format === "png") return img.png().toBuffer();
  if (format === "webp") return img.webp().toBuffer();
  if (format === "avif") return img.avif({ effort: 0 }).toBuffer();
  return img.gif().toBuffer();
}

/** Inserts an APP13 Photoshop segment holding IPTC-IIM text fields (dataset number → text) after the JPEG's SOI. */
export function withIptc(jpeg: Buffer, fields: Record<number, string>): Buffer {
  const records = [Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47])]; // 1:90 UTF-8
  for (const [dataset, text] of Object.entries(fields)) {
    const value = Buffer.from(text, "utf8");
    const head = Buffer.alloc(5);
    head.writeUInt8(0x1c, 0);
    head.writeUInt8(0x02, 1);
    head.writeUInt8(Number(dataset), 2);
    head.writeUInt16BE(value.length, 3);
    records.push(head, value);
  }
  const data = Buffer.concat(records);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(data.length);
  const padded = data.length % 2 ? Buffer.concat([data, Buffer.from([0])]) : data;
  const resource = Buffer.concat([Buffer.from("8BIM"), Buffer.from([0x04, 0x04, 0x00, 0x00]), size, padded]);
  const payload = Buffer.concat([Buffer.from("Photoshop 3.0\0", "latin1"), resource]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffed, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

export const xmpPacket = (props: {
  creator: string;
  credit: string;
  source: string;
  rights: string;
  description: string;
}) => `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="${props.credit}" photoshop:Source="${props.source}">
<dc:creator><rdf:Seq><rdf:li>${props.creator}</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${props.rights}</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${props.description}</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A PNG whose header claims `width`×`height` pixels: a decompression bomb's calling card. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  // IHDR data starts at byte 16; its CRC covers the type and data (bytes 12–28).
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

/** What a wire photo says about itself in {@link makeWirePhoto}. */
export const WIRE_PHOTO = {
  creator: "Roman Pilipey",
  agency: "Getty Images",
  copyright: "2023 Getty Images",
  usageTerms: "Editorial use only. No sales.",
  caption:
    "A woman walks past a residential building damaged by a missile strike in Kyiv, Ukraine, on April 12, 2023. Rescuers searched the rubble through the night.",
  dateTaken: "2023-04-12T14:23:00.000Z",
};

/**
 * A JPEG as an agency sends it: IPTC-IIM (APP13: by-line, credit, copyright, caption, date and time
 * created), XMP (APP1: the same plus rights usage terms) and EXIF (APP1: artist, copyright,
 * DateTimeOriginal and GPS, which readers must never get). `seed` makes distinct files.
 */
export async function makeWirePhoto(seed = 0, width = 1600, height = 1067): Promise<Buffer> {
  const w = WIRE_PHOTO;
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/" photoshop:Credit="${w.agency}" photoshop:DateCreated="2023-04-12T17:23:00+03:00">
<dc:creator><rdf:Seq><rdf:li>${w.creator}</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${w.copyright}</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${w.caption}</rdf:li></rdf:Alt></dc:description>
<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">${w.usageTerms}</rdf:li></rdf:Alt></xmpRights:UsageTerms>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const jpeg = await sharp(await makePhoto("jpeg", width, height, seed))
    .withExif({
      IFD0: { Artist: w.creator, Copyright: w.copyright },
      IFD2: { DateTimeOriginal: "2023:04:12 14:23:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "50/1 27/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "30/1 31/1 0/1" },
    })
    .withXmp(xmp)
    .jpeg()
    .toBuffer();
  return withIptc(jpeg, { 80: w.creator, 110: w.agency, 116: w.copyright, 120: w.caption, 55: "20230412", 60: "172300+0300" });
}
