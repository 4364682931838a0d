import { getRssFeed } from "@/lib/cache/public-data";
import { xmlResponse } from "@/lib/feeds/xml";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /feed.xml – RSS 2.0 of the newest stories (public).
export async function GET() {
  return xmlResponse(await getRssFeed(undefined), "application/rss+xml");
}
