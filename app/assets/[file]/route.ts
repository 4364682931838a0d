import { stylesheet } from "@/lib/stylesheet";

/**
 * The stylesheet at its hashed address, kept for a year. A page cached before a deploy may still
 * ask for an older hash: it gets today's stylesheet, kept for a minute only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!/^site\.[0-9a-f]{12}\.css$/.test(file)) return new Response("Not found", { status: 404 });
  const sheet = stylesheet();
  // Not compressed here: Next.js drops a route's Content-Encoding header (compression is left to the proxy or CDN).
  return new Response(new Uint8Array(sheet.css), {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": `/assets/${file}` === sheet.href ? "public, max-age=31536000, immutable" : "public, max-age=60",
    },
  });
}
