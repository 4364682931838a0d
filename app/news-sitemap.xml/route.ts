import { buildNewsSitemap } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

// GET /news-sitemap.xml – Google News sitemap of the last two days (public).
export async function GET() {
  return xmlResponse(await buildNewsSitemap());
}
