import { absoluteUrl } from "@/lib/seo/site";
import { xmlResponse } from "@/lib/feeds/xml";

// A route of its own rather than app/robots.ts, so that it carries the public cache policy like the
// feeds and sitemaps (Next's metadata route answers `max-age=0, must-revalidate`, which no shared
// cache keeps) and says its charset. The site's address is the running server's, not the build's.
export const dynamic = "force-dynamic";

// GET /robots.txt – what crawlers may visit, and where the sitemaps are (public).
export function GET() {
  const lines = [
    "User-Agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /api/",
    "Disallow: /login",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    `Sitemap: ${absoluteUrl("/news-sitemap.xml")}`,
    "",
  ];
  return xmlResponse(lines.join("\n"), "text/plain");
}
