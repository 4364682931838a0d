import crypto from "node:crypto";
import { env } from "@/lib/env";
import { publishDueArticles } from "@/lib/articles/scheduler";

function secretMatches(given: string | null): boolean {
  const expected = env.DATELINE_CRON_SECRET;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

// POST /api/cron/publish-scheduled – publish every scheduled story that is due; idempotent (cron secret).
export async function POST(request: Request) {
  if (!env.DATELINE_CRON_SECRET) return Response.json({ error: "Set DATELINE_CRON_SECRET to use this endpoint." }, { status: 503 });
  const header = request.headers.get("authorization");
  if (!secretMatches(header?.replace(/^Bearer /, "") ?? null)) return Response.json({ error: "Wrong or missing secret." }, { status: 401 });
  const run = await publishDueArticles();
  return Response.json(run);
}
