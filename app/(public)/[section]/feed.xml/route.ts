import { buildRssFeed } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";
import { getSectionBySlug } from "@/lib/sections";

// GET /:section/feed.xml – RSS 2.0 of one section's newest stories (public).
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = await getSectionBySlug((await params).section);
  if (!section) return new Response("Not found", { status: 404 });
  return xmlResponse(await buildRssFeed({ sectionSlug: section.slug, sectionName: section.name }), "application/rss+xml");
}
