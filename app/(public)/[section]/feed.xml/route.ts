import { xmlResponse } from "@/lib/feeds/xml";
import { getRssFeed, getSection } from "@/lib/public-data";

// Rendered per request from cached data (lib/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /:section/feed.xml – RSS 2.0 of one section's newest stories (public).
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = await getSection((await params).section);
  if (!section) return new Response("Not found", { status: 404 });
  return xmlResponse(await getRssFeed({ slug: section.slug, name: section.name }), "application/rss+xml");
}
