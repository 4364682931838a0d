import { mediaStore, VARIANT_KEY } from "@/lib/media/store";

const TYPES: Record<string, string> = { jpg: "image/jpeg", webp: "image/webp", avif: "image/avif" };
// Only the processed variants are public (VARIANT_KEY); originals keep their EXIF (GPS included) and are never served.

// GET /media/:key – a photo variant (public). Keys are content hashes, so responses never change.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (!VARIANT_KEY.test(key)) return new Response("Not found", { status: 404 });
  const data = await mediaStore.get(key);
  if (!data) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": TYPES[key.split(".").pop()!]!,
      "Content-Length": String(data.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
