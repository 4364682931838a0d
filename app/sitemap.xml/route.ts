import { buildSitemap } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

// GET /sitemap.xml – every public URL, or an index of split sitemaps (public).
export async function GET() {
  return xmlResponse(await buildSitemap());
}
