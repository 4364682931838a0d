/** Keys are content hashes with an extension; nothing a user typed becomes a path. */
// Also a source's archived copy (lib/sources/capture.ts): `<sha256 of the record>.warc.gz`, never served as a file.
export const STORAGE_KEY = /^[a-f0-9]{64}(?:(?:(?:-c\d{1,5}x\d{1,5}x\d{1,5}x\d{1,5})?-w\d{2,4})?\.(?:jpg|png|webp|avif|gif)|\.warc\.gz)$/;

/** A source capture's WARC record in the media store (lib/sources/). */
export const WARC_KEY = /^[a-f0-9]{64}\.warc\.gz$/;

/** The processed variants (no metadata): the only files readers are given. Originals keep their EXIF, GPS included. */
export const VARIANT_KEY = /^[a-f0-9]{64}(?:-c\d{1,5}x\d{1,5}x\d{1,5}x\d{1,5})?-w\d{2,4}\.(?:jpg|webp|avif)$/;

export const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
};

export const contentTypeOf = (key: string) => CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";

/** A variant never changes under its name (the name is its content's hash): caches keep it for a year. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
