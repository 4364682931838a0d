import { checkHealth } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

// GET /api/health – 200 when the server can read its database, writes are not failing for long (`write`: ok, busy or failing) and the photo store can be used (`media`), 503 otherwise (public; no details).
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
