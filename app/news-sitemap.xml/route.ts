import { getNewsSitemap } from "@/lib/cache/public-data";
import { xmlResponse } from "@/lib/feeds/xml";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /news-sitemap.xml – Google News sitemap of the last two days (public).
export async function GET() {
  return xmlResponse(await getNewsSitemap());
}
