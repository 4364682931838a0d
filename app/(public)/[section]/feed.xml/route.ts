import { xmlResponse } from "@/lib/feeds/xml";
import { getRssFeed, getSection, getSectionForward } from "@/lib/cache/public-data";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /:section/feed.xml – RSS 2.0 of one section's newest stories (public).
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const slug = (await params).section;
  const section = await getSection(slug);
  if (!section) {
    const forward = await getSectionForward(slug);
    return forward
      ? new Response(null, { status: 308, headers: { location: `${forward}/feed.xml` } })
      : new Response("Not found", { status: 404 });
  }
  return xmlResponse(await getRssFeed({ id: section.id, slug: section.slug, name: section.name }), "application/rss+xml");
}
