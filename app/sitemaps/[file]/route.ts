import { getSitemapFile } from "@/lib/cache/public-data";
import { xmlResponse } from "@/lib/feeds/xml";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /sitemaps/:file – one file of a split sitemap (public).
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = await getSitemapFile((await params).file);
  return body ? xmlResponse(body) : new Response("Not found", { status: 404 });
}
