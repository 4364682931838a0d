import { getSitemap } from "@/lib/cache/public-data";
import { xmlResponse } from "@/lib/feeds/xml";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /sitemap.xml – every public URL, or an index of split sitemaps (public).
export async function GET() {
  return xmlResponse(await getSitemap());
}
