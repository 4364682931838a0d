import { buildSitemapFile } from "@/lib/feeds/sitemaps";
import { xmlResponse } from "@/lib/feeds/xml";

// GET /sitemaps/:file – one file of a split sitemap (public).
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const body = await buildSitemapFile((await params).file);
  return body ? xmlResponse(body) : new Response("Not found", { status: 404 });
}
