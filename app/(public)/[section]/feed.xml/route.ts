import { xmlResponse } from "@/lib/feeds/xml";
import { getRssFeed, getSection, getSectionRedirect } from "@/lib/cache/public-data";

// Rendered per request from cached data (lib/cache/public-data.ts), never at build time.
export const dynamic = "force-dynamic";

// GET /:section/feed.xml – RSS 2.0 of one section's newest stories (public).
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const slug = (await params).section;
  const section = await getSection(slug);
  if (!section) {
    const moved = await getSectionRedirect(slug);
    return moved
      ? new Response(null, { status: 308, headers: { location: `${moved}/feed.xml` } })
      : new Response("Not found", { status: 404 });
  }
  return xmlResponse(await getRssFeed({ slug: section.slug, name: section.name }), "application/rss+xml");
}
