import { revalidateTag } from "next/cache";
import { publishDueArticles } from "@/lib/articles/scheduler";
import { cronSecretMatches } from "@/lib/articles/scheduler-secret";
import { expireAll, publicFootprint, tagsForChange } from "@/lib/cache/invalidation";

// POST /api/cron/publish-scheduled – publish every scheduled story that is due, idempotently (cron secret).
export async function POST(request: Request) {
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "");
  if (!cronSecretMatches(given)) return Response.json({ error: "Wrong or missing secret." }, { status: 401 });
  const run = await publishDueArticles();
  for (const id of run.published) {
    const after = await publicFootprint(id);
    expireAll(tagsForChange(after && { ...after, live: false }, after), (tag) => revalidateTag(tag, { expire: 0 }));
  }
  return Response.json(run);
}
