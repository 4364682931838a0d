import { buildRssFeed } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";

// GET /feed.xml – RSS 2.0 of the newest stories (public).
export async function GET() {
  return xmlResponse(await buildRssFeed(), "application/rss+xml");
}
