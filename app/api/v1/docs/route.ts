import { otherMethods } from "@/lib/api/handler";
import { apiDocsHtml } from "@/lib/api/docs-html";
import { getSiteSettings } from "@/lib/cache/public-data";

// GET /api/v1/docs – the API's reference page for developers (open).
export async function GET() {
  const { siteName } = await getSiteSettings();
  return new Response(apiDocsHtml(siteName), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"]);
