import { mediaStore } from "@/lib/media/store";
import { contentTypeOf, IMMUTABLE, VARIANT_KEY } from "@/lib/media/keys";
import { parseRange } from "@/lib/media/range";
import { log } from "@/lib/log";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// GET /media/:key – a photo variant (public), streamed from the store (disk or bucket), with byte
// ranges. Keys are content hashes, so responses never change. Only the processed variants are
// public; originals keep their EXIF (GPS included) and are never served.
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (!VARIANT_KEY.test(key)) return notFound();
  let file: Awaited<ReturnType<typeof mediaStore.open>>;
  try {
    file = await mediaStore.open(key, parseRange(request.headers.get("range")));
  } catch (error) {
    // The bucket (or disk) failed: say so briefly, and let no cache keep the answer.
    log("error", "photo store read failed", { key, error: String(error) });
    return new Response("The photo store did not answer; try again shortly.", {
      status: 503,
      headers: { "Cache-Control": "no-store", "Retry-After": "5" },
    });
  }
  if (!file) return notFound();
  const headers = new Headers({
    "Content-Type": contentTypeOf(key),
    "Cache-Control": IMMUTABLE,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });
  if ("unsatisfiable" in file) {
    headers.set("Content-Range", `bytes */${file.totalBytes}`);
    return new Response(null, { status: 416, headers });
  }
  if (file.range) {
    headers.set("Content-Range", `bytes ${file.range.start}-${file.range.end}/${file.totalBytes}`);
    headers.set("Content-Length", String(file.range.end - file.range.start + 1));
    return new Response(file.body, { status: 206, headers });
  }
  headers.set("Content-Length", String(file.totalBytes));
  return new Response(file.body, { headers });
}
