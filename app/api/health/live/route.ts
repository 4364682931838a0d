import { checkLive } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

// GET /api/health/live – 200 while this instance can read its database, 503 otherwise; no write
// probe. Load balancers and Varnish's probe ask this one; monitoring asks /api/health (public; no details).
export async function GET() {
  const live = await checkLive();
  return Response.json(live, { status: live.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
